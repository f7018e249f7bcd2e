import type { IncomingHttpHeaders } from "node:http";
import type { Command, WireParameters } from "@dmsflow/client";

/** A request as the build step makes it; the sign step turns a copy into `signedRequest` per attempt. */
export interface DmsHttpRequest {
  /** GET or POST. */
  method: "GET" | "POST";
  /** Path and query, e.g. `/?DagId=1`; `/` until signing places the parameters. */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body: empty, or a form for V1 POST. */
  body: string;
}

/** A response as the transport returns it. */
export interface DmsHttpResponse {
  /** The HTTP status. */
  readonly statusCode: number;
  /** The headers, lower-case names. */
  readonly headers: IncomingHttpHeaders;
  /** The body as text. */
  readonly body: string;
}

/** The retry settings of one call, after merging client and call options. */
export interface ResolvedRetry {
  /** Attempts in all, first one included. */
  readonly maxAttempts: number;
  /** Full-jitter backoff base for ordinary errors. */
  readonly baseDelayMs: number;
  /** Full-jitter backoff base for throttling. */
  readonly throttlingBaseDelayMs: number;
  /** Cap on any one delay, x-acs-retry-after included. */
  readonly maxDelayMs: number;
}

/**
 * The state of one call as it passes through the middleware steps. One object per call; retries
 * reuse it, so attempt-specific fields (`attempt`, `signedRequest`, `response`) are overwritten.
 */
export class DmsCallContext {
  /** The command being sent. */
  readonly command: Command<unknown, unknown>;
  /** The action name, e.g. `ResumeTaskFlowInstance`. */
  readonly action: string;
  /** The caller's input (initialize middleware may replace it). */
  input: unknown;
  /** The wire parameters, once the serialize step has run. */
  params: WireParameters | undefined = undefined;
  /** The request template, once the build step has run. */
  request: DmsHttpRequest | undefined = undefined;
  /** The signed request of the current attempt. */
  signedRequest: DmsHttpRequest | undefined = undefined;
  /** The response of the current attempt. */
  response: DmsHttpResponse | undefined = undefined;
  /** The current attempt, from 1. */
  attempt = 0;
  /** Attempts that failed after the request may have reached the service (timeouts, resets, 5xx). */
  unknownOutcomeAttempts = 0;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  /** Total time allowed per attempt. */
  readonly timeoutMs: number;
  /** Retry settings for this call. */
  readonly retry: ResolvedRetry;
  /** Whether HTTP 200 with Success:false throws DmsBusinessError. */
  readonly throwOnBusinessError: boolean;
  /** When the call started (performance.now()). */
  readonly startedAt: number;

  constructor(
    command: Command<unknown, unknown>,
    input: unknown,
    settings: {
      signal: AbortSignal | undefined;
      timeoutMs: number;
      retry: ResolvedRetry;
      throwOnBusinessError: boolean;
    },
  ) {
    this.command = command;
    this.action = command.operation.action;
    this.input = input;
    this.signal = settings.signal;
    this.timeoutMs = settings.timeoutMs;
    this.retry = settings.retry;
    this.throwOnBusinessError = settings.throwOnBusinessError;
    this.startedAt = performance.now();
  }
}
