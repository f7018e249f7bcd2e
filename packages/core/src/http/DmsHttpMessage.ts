import type { IncomingHttpHeaders } from "node:http";

/** A request on the wire: the build step makes a template, signing returns a signed copy per attempt. */
export interface DmsHttpRequest {
  /** GET or POST. */
  readonly method: "GET" | "POST";
  /** Path and query, e.g. `/?DagId=1`; `/` until signing places the parameters. */
  readonly path: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body: empty, or a form for V1 POST. */
  readonly body: string;
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

/** What the transport needs to know about the attempt it sends, for its timer, signal and messages. */
export interface DmsSendOptions {
  /** The action, for error messages. */
  readonly action: string;
  /** The attempt, from 1. */
  readonly attempt: number;
  /** Attempts allowed in all, for error messages. */
  readonly maxAttempts: number;
  /** Total time allowed for this attempt, in milliseconds. */
  readonly timeoutMs: number;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
}
