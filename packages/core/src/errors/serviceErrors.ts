import { DmsError, type DmsErrorDetails } from "./DmsError.js";

/** Details of an error the API gateway answered with (HTTP 4xx/5xx). */
export interface DmsServiceErrorDetails extends DmsErrorDetails {
  /** The HTTP status. */
  readonly statusCode: number;
  /** The product host that answered (HostId). */
  readonly hostId?: string | undefined;
  /** The gateway's diagnosis link (Recommend). */
  readonly recommend?: string | undefined;
  /** Whether the attempt may have been carried out although it failed (5xx). */
  readonly outcomeUnknown?: boolean;
}

/** The API gateway refused or failed the call: HTTP 4xx/5xx with a `Code` (or a body that had none). */
export class DmsServiceError extends DmsError {
  override readonly name: string = "DmsServiceError";
  /** The HTTP status. */
  readonly statusCode: number;
  /** The product host that answered (HostId). */
  readonly hostId: string | undefined;
  /** The gateway's diagnosis link (Recommend). */
  readonly recommend: string | undefined;
  /** Whether the call may have taken effect although it failed (5xx other than ServiceUnavailable). */
  readonly outcomeUnknown: boolean;

  constructor(code: string, message: string, retryable: boolean, details: DmsServiceErrorDetails) {
    super(code, message, retryable, details);
    this.statusCode = details.statusCode;
    this.hostId = details.hostId;
    this.recommend = details.recommend;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }
}

/** The gateway throttled the call (a `Throttling*` code or HTTP 429); always retryable. */
export class DmsThrottlingError extends DmsServiceError {
  override readonly name: string = "DmsThrottlingError";
  /** The wait the gateway asked for (x-acs-retry-after, ms), if it did. */
  readonly retryAfterMs: number | undefined;

  constructor(code: string, message: string, details: DmsServiceErrorDetails & { readonly retryAfterMs?: number | undefined }) {
    super(code, message, true, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** HTTP 200 with `Success: false`: the service understood the call and declined it. Never retried. */
export class DmsBusinessError extends DmsError {
  override readonly name: string = "DmsBusinessError";
  /** Always 200: business failures travel in a successful HTTP response. */
  readonly statusCode = 200;
  /** The service's ErrorMessage, as sent. */
  readonly errorMessage: string | undefined;

  constructor(code: string, message: string, details: DmsErrorDetails & { readonly errorMessage?: string | undefined }) {
    super(code, message, false, details);
    this.errorMessage = details.errorMessage;
  }
}

/** The response is not what the API describes (not JSON, or a field of the wrong type). */
export class DmsResponseError extends DmsError {
  override readonly name: string = "DmsResponseError";
  /** The HTTP status of the response. */
  readonly statusCode: number;
  /** Where in the body the problem is, when it is a field (`DAGInstanceList.DAGInstance[3].Id`). */
  readonly path: string | undefined;

  constructor(message: string, details: DmsErrorDetails & { readonly statusCode: number; readonly path?: string | undefined }) {
    super("InvalidResponse", message, false, details);
    this.statusCode = details.statusCode;
    this.path = details.path;
  }
}
