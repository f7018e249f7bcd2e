import {
  type DmsTransport,
  enumKeyOf,
  InstanceStatus,
  type Int64Input,
  paginateListTaskFlowInstance,
  resumeTaskFlowInstance,
} from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { DmsConfigError } from "../errors/localErrors.js";
import { DmsBusinessError } from "../errors/serviceErrors.js";
import { DmsAbortError } from "../errors/transportErrors.js";
import { findTaskFlowInstance } from "./findTaskFlowInstance.js";
import { RateLimiter } from "./RateLimiter.js";

const SUSPENDED = InstanceStatus.suspended;

/** Which task flow to sweep and how hard. */
export interface ResumeSuspendedInstancesOptions {
  /** The task flow whose suspended instances to resume. */
  readonly DagId: Int64Input;
  /** The tenant, if not the active one. */
  readonly Tid?: Int64Input | undefined;
  /** Passed to every ResumeTaskFlowInstance call. */
  readonly DagVersion?: string | undefined;
  /** Resumes in flight at once (default 4). */
  readonly concurrency?: number | undefined;
  /** Resumes started per second at most (default 10). */
  readonly maxRate?: number | undefined;
  /** Stops starting new resumes and aborts those in flight. */
  readonly signal?: AbortSignal | undefined;
  /** Called after each instance is settled. */
  readonly onProgress?: ((event: ResumeProgressEvent) => void) | undefined;
  /** Page size for listing the suspended instances (default 100). */
  readonly pageSize?: number | undefined;
}

/** One instance settled. */
export interface ResumeProgressEvent {
  /** The instance. */
  readonly id: string;
  /** What happened to it. */
  readonly outcome: "resumed" | "skipped" | "failed";
  /** Instances settled so far. */
  readonly done: number;
  /** Suspended instances found. */
  readonly total: number;
}

/** What a sweep did. */
export interface ResumeSuspendedInstancesResult {
  /** Instances resumed (including recovered ones whose first attempt's outcome was unknown). */
  readonly resumed: string[];
  /** Instances that were no longer suspended when their turn came. */
  readonly skipped: { readonly id: string; readonly status: number | undefined; readonly reason: string }[];
  /** Instances that could not be resumed, with the error. */
  readonly failed: { readonly id: string; readonly error: unknown }[];
  /** Whether the signal stopped the sweep. */
  readonly aborted: boolean;
  /** Instances not settled because of the abort; running the sweep again picks them up. */
  readonly pending: string[];
}

/**
 * Lists every suspended instance of a task flow (a snapshot first, since resuming changes the
 * list) and resumes each, `concurrency` at a time and at most `maxRate` per second. A declined
 * resume is checked: an instance that is no longer suspended is skipped, not failed. Safe to run
 * again after an interruption: only still-suspended instances are listed the next time.
 */
export async function resumeSuspendedInstances(
  client: DmsTransport<DmsCallOptions>,
  options: ResumeSuspendedInstancesOptions,
): Promise<ResumeSuspendedInstancesResult> {
  const concurrency = options.concurrency ?? 4;
  const maxRate = options.maxRate ?? 10;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new DmsConfigError("concurrency", `concurrency must be an integer of at least 1, got ${String(options.concurrency)}.`);
  }
  if (!(maxRate > 0))
    throw new DmsConfigError("maxRate", `maxRate must be a positive number per second, got ${String(options.maxRate)}.`);
  const { DagId, Tid, DagVersion, signal, onProgress } = options;
  const result: ResumeSuspendedInstancesResult = { resumed: [], skipped: [], failed: [], aborted: false, pending: [] };

  const ids: string[] = [];
  try {
    const seen = new Set<string>();
    const listing = paginateListTaskFlowInstance(
      client,
      { DagId, Tid, Status: SUSPENDED, PageSize: options.pageSize },
      { signal },
    );
    for await (const page of listing) {
      for (const instance of page.DAGInstanceList?.DAGInstance ?? []) {
        if (instance.Status === SUSPENDED && instance.Id !== undefined && !seen.has(instance.Id)) {
          seen.add(instance.Id);
          ids.push(instance.Id);
        }
      }
    }
  } catch (error) {
    if (error instanceof DmsAbortError) return { ...result, aborted: true };
    throw error;
  }

  const limiter = new RateLimiter(maxRate);
  let next = 0;
  let done = 0;
  const settle = (id: string, outcome: ResumeProgressEvent["outcome"]) => {
    done++;
    onProgress?.({ id, outcome, done, total: ids.length });
  };
  const resumeOne = async (id: string): Promise<void> => {
    try {
      await resumeTaskFlowInstance(client, { DagId, DagInstanceId: id, Tid, DagVersion }, { signal });
      result.resumed.push(id);
      settle(id, "resumed");
    } catch (error) {
      if (error instanceof DmsAbortError || signal?.aborted) {
        result.pending.push(id);
        return;
      }
      if (error instanceof DmsBusinessError) {
        const status = await currentStatus(client, { DagId, DagInstanceId: id, Tid }, signal);
        if (status !== undefined && status !== SUSPENDED) {
          result.skipped.push({
            id,
            status,
            reason: `no longer suspended (status ${status}, ${enumKeyOf(InstanceStatus, status)}): ${error.code}`,
          });
          settle(id, "skipped");
          return;
        }
      }
      result.failed.push({ id, error });
      settle(id, "failed");
    }
  };
  const worker = async (): Promise<void> => {
    while (next < ids.length && !signal?.aborted) {
      const id = ids[next++]!;
      if (!(await limiter.take(signal))) {
        result.pending.push(id);
        return;
      }
      await resumeOne(id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  if (signal?.aborted) {
    result.pending.push(...ids.slice(next));
    return { ...result, aborted: true };
  }
  return result;
}

async function currentStatus(
  client: DmsTransport<DmsCallOptions>,
  ref: { DagId: Int64Input; DagInstanceId: string; Tid?: Int64Input | undefined },
  signal: AbortSignal | undefined,
): Promise<number | undefined> {
  try {
    return (await findTaskFlowInstance(client, ref, { signal }))?.Status;
  } catch {
    return undefined;
  }
}
