import { DmsError, type DmsErrorDetails } from "./DmsError.js";

/** Details shared by errors raised while an attempt was on the wire. */
export interface DmsTransportErrorDetails extends DmsErrorDetails {
  /** Whether the request may have reached the service (it was sent, but no answer came back). */
  readonly outcomeUnknown: boolean;
}

/** An attempt took longer than `connectTimeoutMs` to connect or `timeoutMs` in all. Retryable. */
export class DmsTimeoutError extends DmsError {
  override readonly name: string = "DmsTimeoutError";
  /** The limit that was reached, in milliseconds. */
  readonly timeoutMs: number;
  /** Which limit: connecting, or the whole attempt. */
  readonly phase: "connect" | "total";
  /** Whether the request may have reached the service. */
  readonly outcomeUnknown: boolean;

  constructor(
    message: string,
    details: DmsTransportErrorDetails & { readonly timeoutMs: number; readonly phase: "connect" | "total" },
  ) {
    super(details.phase === "connect" ? "ConnectTimeout" : "Timeout", message, true, details);
    this.timeoutMs = details.timeoutMs;
    this.phase = details.phase;
    this.outcomeUnknown = details.outcomeUnknown;
  }
}

/** The connection failed (refused, reset, DNS, proxy). Retryable. */
export class DmsNetworkError extends DmsError {
  override readonly name: string = "DmsNetworkError";
  /** The system error code, e.g. `ECONNRESET`, when there is one. */
  readonly systemCode: string | undefined;
  /** Whether the request may have reached the service. */
  readonly outcomeUnknown: boolean;

  constructor(message: string, details: DmsTransportErrorDetails & { readonly systemCode?: string | undefined }) {
    super("NetworkError", message, true, details);
    this.systemCode = details.systemCode;
    this.outcomeUnknown = details.outcomeUnknown;
  }
}

/** The caller's AbortSignal fired. Named `AbortError` like the platform's own abort errors. */
export class DmsAbortError extends DmsError {
  override readonly name: string = "AbortError";
  /** Whether a request was in flight when the signal fired (it may have taken effect). */
  readonly outcomeUnknown: boolean;

  constructor(message: string, details: DmsErrorDetails & { readonly outcomeUnknown?: boolean } = {}) {
    super("Aborted", message, false, details);
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }
}
