import { type DmsTransport, type Envelope, InstanceStatus, type ResumeTaskFlowInstanceOutput } from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { DmsBusinessError } from "../errors/serviceErrors.js";
import { DmsAbortError } from "../errors/transportErrors.js";
import { findTaskFlowInstance } from "../taskFlowInstances/findTaskFlowInstance.js";
import type { DmsCallContext } from "./DmsCallContext.js";
import { businessError } from "./deserializeMiddleware.js";
import type { DmsMiddleware } from "./MiddlewareStack.js";

/** Instance statuses that mean a resume took effect: waiting, running, succeeded, completed. */
export const RESUMED_STATUSES: readonly number[] = [
  InstanceStatus.waiting,
  InstanceStatus.running,
  InstanceStatus.succeeded,
  InstanceStatus.completed,
];

/** How a resume was recovered: an earlier attempt's outcome was unknown and the state check showed it worked. */
export interface ResumeRecovery {
  /** The instance's status when checked (see RESUMED_STATUSES). */
  readonly status: number;
  /** The business error the retried attempt got (the instance was no longer suspended). */
  readonly errorCode: string;
  /** Its message. */
  readonly errorMessage: string | undefined;
  /** The RequestId of the retried attempt. */
  readonly requestId: string | undefined;
}

/** ResumeTaskFlowInstance's result: the envelope, plus `$recovered` when the outcome was recovered. */
export type ResumeTaskFlowInstanceResult = ResumeTaskFlowInstanceOutput & {
  /** Present only when an earlier attempt's outcome was unknown and the state check showed the resume took effect. */
  readonly $recovered?: ResumeRecovery;
};

// The first look covers the likely case (a just-resumed instance is running) cheaply; the second
// looks at every status, within a budget.
const RUNNING = InstanceStatus.running;
const RUNNING_PAGES = 20;
const ALL_PAGES = 50;

/**
 * initialize step: makes a retried ResumeTaskFlowInstance safe. When an attempt may have reached
 * the service (timeout or reset after sending, 5xx) and a later attempt is declined with a
 * business error (the instance is no longer suspended), the instance's state is checked with
 * ListTaskFlowInstance: if it is waiting, running, succeeded or completed, the call succeeds with
 * `$recovered` set; otherwise the business error stands. Other actions pass straight through.
 */
export function resumeRecoveryMiddleware(client: DmsTransport<DmsCallOptions>): DmsMiddleware {
  return (next) => (context) => (context.action === "ResumeTaskFlowInstance" ? recover(next, context, client) : next(context));
}

async function recover(
  next: (context: DmsCallContext) => Promise<unknown>,
  context: DmsCallContext,
  client: DmsTransport<DmsCallOptions>,
) {
  let declined: DmsBusinessError;
  let output: unknown;
  try {
    output = await next(context);
    if (context.unknownOutcomeAttempts === 0 || (output as Envelope).Success !== false) return output;
    declined = businessError(output as Envelope, context);
  } catch (error) {
    if (context.unknownOutcomeAttempts === 0 || !(error instanceof DmsBusinessError)) throw error;
    declined = error;
  }
  const status = await instanceStatus(client, context);
  if (status !== undefined && RESUMED_STATUSES.includes(status)) {
    const recovered: ResumeTaskFlowInstanceResult = {
      RequestId: declined.requestId ?? "",
      Success: true,
      $recovered: { status, errorCode: declined.code, errorMessage: declined.errorMessage, requestId: declined.requestId },
    };
    return recovered;
  }
  if (output !== undefined) return output;
  throw declined;
}

async function instanceStatus(client: DmsTransport<DmsCallOptions>, context: DmsCallContext): Promise<number | undefined> {
  const params = context.params!;
  const ref = { DagId: params.DagId!, DagInstanceId: params.DagInstanceId!, Tid: params.Tid };
  const options = { signal: context.signal, throwOnBusinessError: true };
  try {
    const running = await findTaskFlowInstance(client, ref, { ...options, status: RUNNING, maxPages: RUNNING_PAGES });
    const instance = running ?? (await findTaskFlowInstance(client, ref, { ...options, maxPages: ALL_PAGES }));
    return instance?.Status;
  } catch (error) {
    if (error instanceof DmsAbortError) throw error;
    // The check is best effort: if it fails, the original business error is the honest answer.
    return undefined;
  }
}
