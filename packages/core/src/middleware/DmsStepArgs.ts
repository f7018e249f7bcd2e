import type { Command, WireParameters } from "@dmsflow/client";
import type { DmsHttpRequest, DmsHttpResponse, DmsSendOptions } from "../http/DmsHttpMessage.js";
import type { ResolvedRetry } from "../retry/retryPolicy.js";

/** The settings of one call, fixed when it starts; every step's arguments carry it. */
export interface DmsCall extends Omit<DmsSendOptions, "attempt"> {
  /** The command being sent. */
  readonly command: Command<unknown, unknown>;
  /** The action name, e.g. `ResumeTaskFlowInstance`. */
  readonly action: string;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  /** Total time allowed per attempt. */
  readonly timeoutMs: number;
  /** Retry settings for this call. */
  readonly retry: ResolvedRetry;
  /** Whether HTTP 200 with Success:false throws DmsBusinessError. */
  readonly throwOnBusinessError: boolean;
}

/** What an initialize middleware receives: the caller's input, before anything is checked. */
export interface DmsInitializeArgs {
  /** The call's settings. */
  readonly call: DmsCall;
  /** The caller's input; an initialize middleware may pass another one on. */
  readonly input: unknown;
}

/** What a serialize middleware receives: the input as checked wire parameters. */
export interface DmsSerializeArgs extends DmsInitializeArgs {
  /** The wire parameters the serializer made of the input. */
  readonly params: WireParameters;
}

/** What a build middleware receives: the unsigned request template (method, host, action headers). */
export interface DmsBuildArgs extends DmsSerializeArgs {
  /** The request template; a build middleware may pass on a copy with more (signed) headers. */
  readonly request: DmsHttpRequest;
}

/** What a finalizeRequest or deserialize middleware receives: one attempt; `request` is signed after `sign`. */
export interface DmsFinalizeArgs extends DmsBuildArgs {
  /** The attempt, from 1. */
  readonly attempt: number;
}

/** What the transport, and a deserialize middleware placed below the deserializer, resolve with. */
export interface DmsResponseResult {
  /** The HTTP response of the attempt, whatever its status. */
  readonly response: DmsHttpResponse;
}

/** What a call resolves with at every step above the deserializer. */
export interface DmsCallResult extends DmsResponseResult {
  /** The typed output. */
  readonly output: unknown;
  /** The attempt that produced it, from 1: the attempts the call made. */
  readonly attempts: number;
}
