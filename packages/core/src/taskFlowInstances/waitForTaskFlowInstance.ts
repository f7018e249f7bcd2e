import { type DAGInstance, type DmsTransport, enumKeyOf, InstanceStatus } from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { DmsConfigError, DmsWaiterError } from "../errors/localErrors.js";
import { DmsAbortError } from "../errors/transportErrors.js";
import { sleep } from "../retry/sleep.js";
import { findTaskFlowInstance, type TaskFlowInstanceRef } from "./findTaskFlowInstance.js";

/** Statuses an instance does not leave by itself: failed, succeeded, completed. */
// Literals checked against the spec's names at compile time: a property read of InstanceStatus at
// module level would keep the whole table in every program that bundles core (the 15 KB budget).
export const TERMINAL_STATUSES: readonly number[] = [
  3 satisfies typeof InstanceStatus.failed,
  4 satisfies typeof InstanceStatus.succeeded,
  5 satisfies typeof InstanceStatus.completed,
];

/** What to wait for and how long. */
export interface WaitForTaskFlowInstanceOptions extends TaskFlowInstanceRef {
  /** The statuses to wait for, or a predicate over the status (and the instance). */
  readonly until: readonly number[] | ((status: number, instance: DAGInstance) => boolean);
  /** Give up after this long (default 180000 ms, like the aliyun CLI waiter). */
  readonly timeoutMs?: number | undefined;
  /** Time between polls (default 5000 ms). */
  readonly intervalMs?: number | undefined;
  /** Stop waiting with DmsWaiterError when the instance reaches a terminal status that does not match (default true). */
  readonly stopOnTerminal?: boolean | undefined;
  /** Aborts the wait. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Polls ListTaskFlowInstance until the instance's status matches, and returns the instance.
 * Throws DmsWaiterError on timeout or an unmatched terminal status, DmsAbortError on abort.
 */
export async function waitForTaskFlowInstance(
  client: DmsTransport<DmsCallOptions>,
  options: WaitForTaskFlowInstanceOptions,
): Promise<DAGInstance> {
  const { until, timeoutMs = 180_000, intervalMs = 5_000, stopOnTerminal = true, signal } = options;
  if (!Array.isArray(until) && typeof until !== "function") {
    throw new DmsConfigError("until", "until must be an array of statuses (e.g. [4, 5]) or a function (status) => boolean.");
  }
  const matches = typeof until === "function" ? until : (status: number) => (until as readonly number[]).includes(status);
  const deadline = performance.now() + timeoutMs;
  const what = `instance ${String(options.DagInstanceId)} of task flow ${String(options.DagId)}`;
  let lastStatus: number | undefined;
  for (;;) {
    if (signal?.aborted) throw new DmsAbortError(`Waiting for ${what} was aborted.`);
    const instance = await findTaskFlowInstance(client, options, { signal });
    if (instance?.Status !== undefined) {
      lastStatus = instance.Status;
      if (matches(instance.Status, instance)) return instance;
      if (stopOnTerminal && TERMINAL_STATUSES.includes(instance.Status)) {
        throw new DmsWaiterError(
          "WaiterTerminalState",
          `${cap(what)} reached status ${instance.Status} (${enumKeyOf(InstanceStatus, instance.Status)}), which is final and not what was awaited.`,
          lastStatus,
        );
      }
    }
    const remaining = deadline - performance.now();
    if (remaining <= 0) {
      const seen =
        lastStatus === undefined
          ? "it was never found in ListTaskFlowInstance"
          : `last status ${lastStatus} (${enumKeyOf(InstanceStatus, lastStatus)})`;
      const hint = "Raise timeoutMs to wait longer.";
      throw new DmsWaiterError(
        "WaiterTimeout",
        `Gave up waiting for ${what} after ${timeoutMs} ms; ${seen}. ${hint}`,
        lastStatus,
        {
          hint,
          option: "timeoutMs",
        },
      );
    }
    if (!(await sleep(Math.min(intervalMs, remaining), signal))) throw new DmsAbortError(`Waiting for ${what} was aborted.`);
  }
}

function cap(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
