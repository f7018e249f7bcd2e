import {
  type DmsTransport,
  type InstanceStatus,
  ResumeTaskFlowInstanceCommand,
  type ResumeTaskFlowInstanceInput,
  type ResumeTaskFlowInstanceOutput,
  toInt64String,
} from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { DmsError } from "../errors/DmsError.js";
import { DmsBusinessError } from "../errors/serviceErrors.js";
import { DmsAbortError } from "../errors/transportErrors.js";
import { scanInstances, windowAround } from "./scanInstances.js";

// The codes as literals checked against the spec's names at compile time: the resume program then
// does not carry the whole InstanceStatus table (the 15 KB budget).
/** The running status: the only one that shows a resume took effect (see the README's "Resume safety"). */
export const RUNNING = 1 satisfies typeof InstanceStatus.running;
/** The suspended status: the only one a resume applies to. */
export const SUSPENDED = 2 satisfies typeof InstanceStatus.suspended;
/** ListTaskFlowInstance pages a recovery looks through, newest first, when it cannot narrow by start time. */
export const RECOVERY_MAX_PAGES = 20;

/**
 * Why a resume reported success without an answer of its own saying so: an attempt's outcome was
 * unknown, a later attempt was declined, and the instance was found running. The call may or may
 * not be the one that resumed it (another client may have); nothing proves either.
 */
export interface ResumeRecovery {
  /** The status found: always 1 (running). */
  readonly status: number;
  /** The business error of the declined attempt, e.g. `InvalidStatus`. */
  readonly errorCode: string;
  /** Its message. */
  readonly errorMessage: string | undefined;
  /** The RequestId of the declined attempt. */
  readonly requestId: string | undefined;
  /** Attempts of this call whose outcome was unknown (one of them may have resumed it). */
  readonly unknownOutcomeAttempts: number;
}

/**
 * ResumeTaskFlowInstance's result. `recovered` is undefined when an answer to this call said
 * `Success: true` (this call resumed the instance); set when the instance is running but this call
 * cannot know whether it was the one that resumed it.
 */
export interface ResumeTaskFlowInstanceResult extends ResumeTaskFlowInstanceOutput {
  /** Set when the outcome was recovered by looking at the instance; see ResumeRecovery. */
  readonly recovered: ResumeRecovery | undefined;
}

/** Options of a safe resume: the call options, and what helps find the instance afterwards. */
export interface ResumeSafelyOptions extends DmsCallOptions {
  /** The instance's start time (`startTime` in ListTaskFlowInstance), to narrow the state check. */
  readonly startTime?: string | undefined;
}

/** One resume call's outcome, without a state check: what the answers alone say. */
export type ResumeAttempt =
  | { readonly kind: "resumed"; readonly output: ResumeTaskFlowInstanceOutput; readonly unknownOutcomeAttempts: number }
  | { readonly kind: "declined"; readonly error: DmsBusinessError; readonly unknownOutcomeAttempts: number }
  | { readonly kind: "failed"; readonly error: unknown; readonly unknownOutcomeAttempts: number };

/**
 * Sends ResumeTaskFlowInstance (with the client's retries) and classifies the result. Rethrows
 * DmsAbortError. `unknownOutcomeAttempts` counts the attempts that may have applied unseen.
 */
export async function attemptResume(
  client: DmsTransport<DmsCallOptions>,
  input: ResumeTaskFlowInstanceInput,
  options: DmsCallOptions | undefined,
): Promise<ResumeAttempt> {
  try {
    const output = await client.send(ResumeTaskFlowInstanceCommand, input, { ...options, throwOnBusinessError: true });
    return { kind: "resumed", output, unknownOutcomeAttempts: 0 };
  } catch (error) {
    if (error instanceof DmsAbortError) throw error;
    const unknown = error instanceof DmsError ? (error.unknownOutcomeAttempts ?? 0) : 0;
    if (error instanceof DmsBusinessError) return { kind: "declined", error, unknownOutcomeAttempts: unknown };
    return { kind: "failed", error, unknownOutcomeAttempts: unknown };
  }
}

/**
 * Resumes a suspended instance and says how the outcome is known. An answer `Success: true` is the
 * only evidence that this call resumed it (`recovered` undefined). When an attempt's outcome was
 * unknown and a later one was declined, the instance's state is looked up (ListTaskFlowInstance
 * narrowed to running instances, and to `startTime` when given): running gives a result with
 * `recovered` set; anything else keeps the decline, saying the instance is not running. A decline with
 * no unknown attempt before it is thrown at once, without a lookup.
 */
export async function resumeTaskFlowInstanceSafely(
  client: DmsTransport<DmsCallOptions>,
  input: ResumeTaskFlowInstanceInput,
  options: ResumeSafelyOptions = {},
): Promise<ResumeTaskFlowInstanceResult> {
  const { startTime, ...callOptions } = options;
  const attempt = await attemptResume(client, input, callOptions);
  if (attempt.kind === "resumed") return { ...attempt.output, recovered: undefined };
  if (attempt.kind === "failed") throw attempt.error;
  const declined = attempt.error;
  if (attempt.unknownOutcomeAttempts === 0) return decline(declined, options);
  const id = toInt64String(input.DagInstanceId) ?? String(input.DagInstanceId);
  const wanted = new Set([id]);
  const flow = { DagId: input.DagId, Tid: input.Tid };
  const window = windowAround([startTime]);
  const lookup = { signal: callOptions.signal, timeoutMs: callOptions.timeoutMs, retry: callOptions.retry };
  const running = await scanInstances(client, flow, wanted, {
    status: RUNNING,
    window,
    maxPages: RECOVERY_MAX_PAGES,
    callOptions: lookup,
  });
  if (running.found.has(id)) {
    return {
      RequestId: declined.requestId ?? "",
      Success: true,
      recovered: {
        status: RUNNING,
        errorCode: declined.code,
        errorMessage: declined.errorMessage,
        requestId: declined.requestId,
        unknownOutcomeAttempts: attempt.unknownOutcomeAttempts,
      },
    };
  }
  const seen = running.complete ? "it is not running now" : "whether it runs is unknown (not in the newest running instances)";
  const error = new DmsBusinessError(declined.code, `${declined.message} An earlier attempt may have applied; ${seen}.`, {
    action: declined.action,
    requestId: declined.requestId,
    attempts: declined.attempts,
    errorMessage: declined.errorMessage,
    hint: declined.hint,
    option: declined.option,
  });
  error.unknownOutcomeAttempts = attempt.unknownOutcomeAttempts;
  return decline(error, options);
}

function decline(error: DmsBusinessError, options: DmsCallOptions): ResumeTaskFlowInstanceResult {
  if (options.throwOnBusinessError !== false) throw error;
  return {
    RequestId: error.requestId ?? "",
    Success: false,
    ErrorCode: error.code,
    ErrorMessage: error.errorMessage,
    recovered: undefined,
  };
}
