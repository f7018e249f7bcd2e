import { type DAGInstance, type DmsTransport, enumKeyOf, InstanceStatus } from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { DmsConfigError, DmsWaiterError } from "../errors/localErrors.js";
import { DmsAbortError } from "../errors/transportErrors.js";
import { sleep } from "../retry/sleep.js";
import type { TaskFlowInstanceRef } from "./findTaskFlowInstance.js";
import { InstanceTracker } from "./InstanceTracker.js";

/** Statuses an instance does not leave by itself: failed, succeeded, completed. */
// Literals checked against the spec's names at compile time: a property read of InstanceStatus at
// module level would keep the whole table in every program that bundles core (the 15 KB budget).
export const TERMINAL_STATUSES: readonly number[] = [
  3 satisfies typeof InstanceStatus.failed,
  4 satisfies typeof InstanceStatus.succeeded,
  5 satisfies typeof InstanceStatus.completed,
];

/** One poll, as `onPoll` sees it. */
export interface WaitPollEvent {
  /** 1 for the first poll. */
  readonly poll: number;
  /** The status seen, or undefined when the instance was not listed. */
  readonly status: number | undefined;
  /** ListTaskFlowInstance calls this poll made (1 once the instance has been found, while its status holds). */
  readonly calls: number;
  /** The wait before the next poll, or undefined when this poll ended the wait. */
  readonly nextDelayMs: number | undefined;
}

/** How long a waiter waits and how often it polls: the instance and node waiters take the same. */
export interface WaiterTiming {
  /** Give up after this long (default 180000 ms, like the aliyun CLI waiter). */
  readonly timeoutMs?: number | undefined;
  /** The first wait between polls (default 2000 ms); each later one doubles, up to maxIntervalMs, with jitter. */
  readonly intervalMs?: number | undefined;
  /** The longest wait between polls (default 30000 ms, at least intervalMs). */
  readonly maxIntervalMs?: number | undefined;
  /** Aborts the wait. */
  readonly signal?: AbortSignal | undefined;
}

/** What to wait for and how long. */
export interface WaitForTaskFlowInstanceOptions extends TaskFlowInstanceRef, WaiterTiming {
  /** The status or statuses to wait for (InstanceStatus values), or a predicate over the status (and the instance). */
  readonly until: InstanceStatus | readonly number[] | ((status: number, instance: DAGInstance) => boolean);
  /** Give up with code WaiterInstanceNotFound after this many polls that did not find the instance (default 2). */
  readonly notFoundPolls?: number | undefined;
  /** Stop waiting with DmsWaiterError when the instance reaches a terminal status that does not match (default true). */
  readonly stopOnTerminal?: boolean | undefined;
  /** Called after every poll (progress, metrics). */
  readonly onPoll?: ((event: WaitPollEvent) => void) | undefined;
}

/**
 * Polls ListTaskFlowInstance until the instance's status matches, and returns the instance. After
 * the first find a poll is one call (InstanceTracker); waits grow exponentially with jitter.
 * Throws DmsWaiterError on timeout, an unmatched terminal status or an instance that is not listed,
 * DmsAbortError on abort.
 */
export async function waitForTaskFlowInstance(
  client: DmsTransport<DmsCallOptions>,
  options: WaitForTaskFlowInstanceOptions,
): Promise<DAGInstance> {
  const { until, timeoutMs = 180_000, intervalMs = 2_000, stopOnTerminal = true, notFoundPolls = 2, signal } = options;
  const maxIntervalMs = Math.max(options.maxIntervalMs ?? 30_000, intervalMs);
  const { matches, statuses } = awaitedStatuses(until);
  const tracker = new InstanceTracker(client, options, statuses, { signal });
  const deadline = performance.now() + timeoutMs;
  const what = `instance ${String(options.DagInstanceId)} of task flow ${String(options.DagId)}`;
  let lastStatus: number | undefined;
  let missed = 0;
  for (let poll = 1; ; poll++) {
    if (signal?.aborted) throw new DmsAbortError(`Waiting for ${what} was aborted.`);
    const callsBefore = tracker.calls;
    const instance = await tracker.find();
    const calls = tracker.calls - callsBefore;
    const status = instance?.Status;
    const report = (nextDelayMs: number | undefined) => options.onPoll?.({ poll, status, calls, nextDelayMs });
    if (status === undefined) {
      if (++missed >= notFoundPolls) {
        report(undefined);
        const seen = lastStatus === undefined ? "is not" : "is no longer";
        throw new DmsWaiterError(
          "WaiterInstanceNotFound",
          `${cap(what)} ${seen} listed by ListTaskFlowInstance (${missed} ${missed === 1 ? "poll" : "polls"}, ${tracker.calls} calls); check DagInstanceId, DagId and Tid.`,
          lastStatus,
        );
      }
    } else {
      missed = 0;
      lastStatus = status;
      if (matches(status, instance!)) {
        report(undefined);
        return instance!;
      }
      if (stopOnTerminal && TERMINAL_STATUSES.includes(status)) {
        report(undefined);
        throw new DmsWaiterError(
          "WaiterTerminalState",
          `${cap(what)} reached status ${status} (${enumKeyOf(InstanceStatus, status)}), which is final and not what was awaited.`,
          lastStatus,
        );
      }
    }
    const remaining = deadline - performance.now();
    if (remaining <= 0) {
      report(undefined);
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
    const delay = Math.min(pollDelayMs(poll, intervalMs, maxIntervalMs, Math.random()), remaining);
    report(delay);
    if (!(await sleep(delay, signal))) throw new DmsAbortError(`Waiting for ${what} was aborted.`);
  }
}

/**
 * Reads a waiter's `until` (a status, statuses or a predicate) into a test, and the statuses named
 * (empty for a predicate). Throws DmsConfigError for anything else. Shared by the node waiter.
 */
export function awaitedStatuses<T>(until: InstanceStatus | readonly number[] | ((status: number, subject: T) => boolean)): {
  readonly matches: (status: number, subject: T) => boolean;
  readonly statuses: readonly number[];
} {
  const wanted = typeof until === "number" ? [until] : until;
  if (typeof wanted === "function") return { matches: wanted, statuses: [] };
  if (!Array.isArray(wanted)) {
    throw new DmsConfigError(
      "until",
      "until must be a status (e.g. InstanceStatus.succeeded), an array of statuses or a function (status) => boolean.",
    );
  }
  return { matches: (status) => wanted.includes(status), statuses: wanted };
}

/**
 * The wait after poll `poll` (1-based): intervalMs doubled per poll, capped at maxIntervalMs, then
 * "equal jitter" (between half and all of it) so waiters started together spread out.
 */
export function pollDelayMs(poll: number, intervalMs: number, maxIntervalMs: number, random: number): number {
  const backoff = Math.min(maxIntervalMs, intervalMs * 2 ** Math.min(poll - 1, 30));
  return backoff / 2 + (backoff / 2) * random;
}

function cap(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
