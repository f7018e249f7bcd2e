import type { ServerOptions } from "node:http";
import { type ConnectionLimits, DEFAULT_CONNECTION_LIMITS } from "./connectionGuard.js";

/** Default time a connection has to send a request's headers. */
const DEFAULT_HEADERS_TIMEOUT_MS = 5000;
/** Default time an idle keep-alive connection is kept (Node's own default). */
const DEFAULT_IDLE_TIMEOUT_MS = 5000;
/** The time a whole request (headers and body) may take. */
const REQUEST_TIMEOUT_MS = 60_000;

function positiveInteger(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number, 1 or more; got ${value}.`);
  return value;
}

/**
 * The options of startEmulator that limit connections and time them out (documented there); declared
 * here rather than imported, so this module and startEmulator do not import each other.
 */
export interface ServerLimitOptions {
  readonly maxConnections?: number | undefined;
  readonly maxConnectionsPerAddress?: number | undefined;
  readonly headersTimeoutMs?: number | undefined;
  readonly idleTimeoutMs?: number | undefined;
}

/** The connection limits of the options, with defaults; throws RangeError on a bad one. */
export function connectionLimits(options: ServerLimitOptions): ConnectionLimits {
  return {
    maxConnections: positiveInteger(options.maxConnections, "maxConnections", DEFAULT_CONNECTION_LIMITS.maxConnections),
    maxConnectionsPerAddress: positiveInteger(
      options.maxConnectionsPerAddress,
      "maxConnectionsPerAddress",
      DEFAULT_CONNECTION_LIMITS.maxConnectionsPerAddress,
    ),
  };
}

/**
 * The server's timeouts of the options, with defaults. Node's own (60 s for headers, checked only
 * every 30 s) let a socket that sends nothing hold a file descriptor for up to 90 s; a local client
 * sends its headers at once.
 */
export function serverTimeouts(options: ServerLimitOptions): ServerOptions {
  const headersTimeout = positiveInteger(options.headersTimeoutMs, "headersTimeoutMs", DEFAULT_HEADERS_TIMEOUT_MS);
  return {
    headersTimeout,
    // The whole request (a large admin seed included); must not be shorter than the headers' time.
    requestTimeout: Math.max(REQUEST_TIMEOUT_MS, headersTimeout),
    keepAliveTimeout: positiveInteger(options.idleTimeoutMs, "idleTimeoutMs", DEFAULT_IDLE_TIMEOUT_MS),
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(headersTimeout / 4))),
  };
}
