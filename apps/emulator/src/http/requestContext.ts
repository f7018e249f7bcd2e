import type { DecodedValue } from "@dmsflow/client";
import type { FaultOutcome } from "../faults/faultSettings.js";
import type { SignatureKind } from "../gateway/authentication.js";

/**
 * One request as it goes through the server: what arrived, and what each step learnt about it. Each
 * field after the first group has one writer (the step named in its comment); the request log and
 * the request history read them once the request is over. Never a secret, token or signature.
 */
export interface RequestContext {
  readonly requestId: string;
  readonly method: string;
  /** The path as received (still percent-encoded). */
  readonly pathname: string;
  /** The query string, without the `?`. */
  readonly search: string;
  /** performance.now() when the request arrived. */
  readonly startedAt: number;
  /** authenticateCaller: the signature the request carried. */
  signature?: SignatureKind | undefined;
  /** authenticateCaller: the access key ID it named (known or not). */
  accessKeyId?: string | undefined;
  /** authenticateCaller: the action it named (known or not). */
  action?: string | undefined;
  /** decode: the decoded parameters (int64 as decimal text), for the IDs a request acted on. */
  values?: Readonly<Record<string, DecodedValue>> | undefined;
  /** injectFault: the fault forced on the request. */
  fault?: FaultOutcome | undefined;
  /** The reply (or the listener, for a failure outside the chain): the gateway or business error code. */
  code?: string | undefined;
}

/** A fresh context for a request that just arrived. */
export function newRequestContext(requestId: string, method: string, url: string, startedAt: number): RequestContext {
  const q = url.indexOf("?");
  return {
    requestId,
    method,
    pathname: q === -1 ? url : url.slice(0, q),
    search: q === -1 ? "" : url.slice(q + 1),
    startedAt,
  };
}
