import type { DmsError } from "../errors/DmsError.js";

/** A request as hooks and debug output see it: secrets replaced by `***`, the AccessKey ID masked. */
export interface DmsRequestView {
  /** GET or POST. */
  readonly method: string;
  /** The full URL, with Signature and SecurityToken values redacted. */
  readonly url: string;
  /** The headers, with authorization, security token and proxy credentials redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body (a V1 form), redacted like the URL. */
  readonly body: string;
}

/** Fired before each attempt is sent. */
export interface DmsRequestEvent {
  /** The action, e.g. `ResumeTaskFlowInstance`. */
  readonly action: string;
  /** The attempt, from 1. */
  readonly attempt: number;
  /** The redacted request. */
  readonly request: DmsRequestView;
}

/** Fired when an attempt gets an HTTP response (any status). */
export interface DmsResponseEvent {
  /** The action. */
  readonly action: string;
  /** The attempt, from 1. */
  readonly attempt: number;
  /** The HTTP status. */
  readonly statusCode: number;
  /** The RequestId, when the response has one. */
  readonly requestId: string | undefined;
  /** Time from sending to the end of the body. */
  readonly durationMs: number;
}

/** Fired when an attempt failed and another will follow after `delayMs`. */
export interface DmsRetryEvent {
  /** The action. */
  readonly action: string;
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  /** The wait before the next attempt. */
  readonly delayMs: number;
  /** Why the attempt failed. */
  readonly error: DmsError;
}

/** Fired once per call when it settles. */
export interface DmsCompleteEvent {
  /** The action. */
  readonly action: string;
  /** Attempts made. */
  readonly attempts: number;
  /** Time for the whole call, retries included. */
  readonly durationMs: number;
  /** The error, when the call failed. */
  readonly error: unknown;
}

/** Named hooks for logging and metrics. They must not throw; if one does, the call goes on regardless. */
export interface DmsHooks {
  /** Before each attempt is sent. */
  readonly onRequest?: (event: DmsRequestEvent) => void;
  /** When an attempt gets a response. */
  readonly onResponse?: (event: DmsResponseEvent) => void;
  /** When a failed attempt will be retried. */
  readonly onRetry?: (event: DmsRetryEvent) => void;
  /** When a call settles. */
  readonly onComplete?: (event: DmsCompleteEvent) => void;
}
