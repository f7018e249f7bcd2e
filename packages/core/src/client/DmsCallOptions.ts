import type { CallOptions } from "@dmsflow/client";
import type { DmsRetryOptions } from "../retry/retryPolicy.js";

/** Options for one call; each overrides the client's setting for that call only. */
export interface DmsCallOptions extends CallOptions {
  /** Aborts the call, including a wait between attempts. */
  readonly signal?: AbortSignal | undefined;
  /** Total time allowed per attempt, in milliseconds. */
  readonly timeoutMs?: number | undefined;
  /** Retry settings, or false for a single attempt. */
  readonly retry?: DmsRetryOptions | false | undefined;
  /** Whether HTTP 200 with `Success: false` throws DmsBusinessError (default true). */
  readonly throwOnBusinessError?: boolean | undefined;
}
