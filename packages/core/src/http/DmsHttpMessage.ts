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

/** A response header's first value, or undefined. */
export function firstHeader(response: DmsHttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** What the transport needs to know about an attempt, for its timer, signal and messages. */
export interface DmsSendOptions {
  /** The action, for error messages. */
  readonly action: string;
  /** The attempt, from 1. */
  readonly attempt: number;
  /** Total time allowed per attempt, in milliseconds. */
  readonly timeoutMs: number;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  /** Attempts allowed in all, for error messages. */
  readonly retry: { readonly maxAttempts: number };
}
