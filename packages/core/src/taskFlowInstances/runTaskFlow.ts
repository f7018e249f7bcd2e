import {
  type DAGInstance,
  type DmsTransport,
  type InstanceTriggerType,
  type Int64Input,
  listTaskFlowInstance,
  type TryRunTaskFlowOutput,
  tryRunTaskFlow,
} from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { DmsError } from "../errors/DmsError.js";
import { DmsLookupError } from "../errors/localErrors.js";
import { DmsThrottlingError } from "../errors/serviceErrors.js";
import { DmsAbortError } from "../errors/transportErrors.js";
import { resolveRetry, retryDelayMs } from "../retry/retryPolicy.js";
import { sleep } from "../retry/sleep.js";
import { TERMINAL_STATUSES, type WaitForTaskFlowInstanceOptions, waitForTaskFlowInstance } from "./waitForTaskFlowInstance.js";

// A literal checked against the spec's name: reading InstanceTriggerType at run time would bundle the table.
const MANUAL = 1 satisfies typeof InstanceTriggerType.manual;
/** The largest page ListTaskFlowInstance serves (the spec's PageSize maximum). */
const PAGE_SIZE = 100;

/** Which task flow to run, and how to learn and await the run. */
export interface RunTaskFlowOptions extends DmsCallOptions {
  /** The task flow. */
  readonly DagId: Int64Input;
  /** Its tenant, for the listings (TryRunTaskFlow itself takes none: it runs in the active tenant). */
  readonly Tid?: Int64Input | undefined;
  /**
   * How to learn the run's instance ID. `answer` (default): TryRunTaskFlow's InstanceId, one call.
   * `listing`: the manual runs listed after the call that were not listed before it (one more call
   * before, one or more after), for a service whose answer carries no InstanceId.
   */
  readonly locate?: "answer" | "listing" | undefined;
  /** Look this many times (1 s apart) for a run the listing does not show yet (default 5). */
  readonly listingPolls?: number | undefined;
  /** Wait for the run to end (failed, succeeded or completed), polling as waitForTaskFlowInstance does. */
  readonly wait?: Pick<WaitForTaskFlowInstanceOptions, "timeoutMs" | "intervalMs" | "maxIntervalMs" | "onPoll"> | undefined;
}

/** The run that was started, and with `wait` the instance as it ended. */
export interface StartedTaskFlowRun {
  /** The task flow, as a decimal string. */
  readonly DagId: string;
  /** The run's instance ID, as a decimal string. */
  readonly DagInstanceId: string;
  /** How its ID was learned. */
  readonly locatedBy: "answer" | "listing";
  /** With `wait`: the instance in its final status. */
  readonly instance?: DAGInstance | undefined;
}

/**
 * Starts a run of a task flow (TryRunTaskFlow: its current graph, triggered manually), learns its
 * instance ID and, with `wait`, waits until it ends. Never guesses a run: with `locate: "listing"`
 * a run is ours only if it is the one manual run new since the listing before the call; several new
 * runs (someone else started one meanwhile) throw DmsLookupError `RunInstanceAmbiguous` naming them.
 * TryRunTaskFlow is retried only when no run can have started; after a lost answer the listing (or,
 * without it, a DmsLookupError `RunInstanceIdMissing`) says whether one did.
 */
export async function runTaskFlow(
  client: DmsTransport<DmsCallOptions>,
  options: RunTaskFlowOptions,
): Promise<StartedTaskFlowRun> {
  const { DagId, Tid, locate = "answer", listingPolls = 5, wait, ...callOptions } = options;
  const ref = { DagId, Tid };
  const before = locate === "listing" ? await manualRuns(client, ref, callOptions) : undefined;
  const dagId = String(DagId);
  // Undefined when the answer was lost (and the listing is to tell).
  let answer: TryRunTaskFlowOutput | undefined;
  try {
    answer = await tryRunWithoutDoubling(client, DagId, callOptions);
  } catch (error) {
    // An attempt whose outcome is unknown may have started a run: the listing tells, the answer cannot.
    if (!(error instanceof DmsError) || !(error.unknownOutcomeAttempts! > 0)) throw error;
    if (before === undefined) {
      const hint = "Pass locate: 'listing' to learn from the listing whether a run started.";
      throw new DmsLookupError(
        "RunInstanceIdMissing",
        `TryRunTaskFlow's answer was lost (${error.code}), so a run of task flow ${dagId} may have started; check its manual runs (ListTaskFlowInstance) before running it again. ${hint}`,
        [],
        { hint, option: "locate", action: "TryRunTaskFlow" },
      );
    }
  }
  let id: string;
  if (before === undefined) {
    if (!answer?.InstanceId) {
      const hint = "Pass locate: 'listing' for later runs to learn the ID from the listing.";
      throw new DmsLookupError(
        "RunInstanceIdMissing",
        `TryRunTaskFlow started a run of task flow ${dagId} but its answer carries no InstanceId; the run is among the flow's manual runs (ListTaskFlowInstance). ${hint}`,
        [],
        { hint, option: "locate", action: "TryRunTaskFlow" },
      );
    }
    id = answer.InstanceId;
  } else {
    id = await newRun(client, ref, before, listingPolls, callOptions);
  }
  const run = { DagId: dagId, DagInstanceId: id, locatedBy: locate };
  if (wait === undefined) return run;
  const instance = await waitForTaskFlowInstance(client, {
    ...wait,
    ...ref,
    DagInstanceId: id,
    until: TERMINAL_STATUSES,
    signal: callOptions.signal,
  });
  return { ...run, instance };
}

/**
 * TryRunTaskFlow, retried only after an attempt that cannot have started a run (throttled, or
 * failed before the request was sent), at most as often as the call's retry settings allow: a
 * retry after a lost answer could start a second run.
 */
async function tryRunWithoutDoubling(
  client: DmsTransport<DmsCallOptions>,
  DagId: Int64Input,
  callOptions: DmsCallOptions,
): Promise<TryRunTaskFlowOutput> {
  const policy = resolveRetry(callOptions.retry);
  for (let attempt = 1; ; attempt++) {
    try {
      return await tryRunTaskFlow(client, { DagId }, { ...callOptions, retry: false });
    } catch (error) {
      const unsent = (error as { outcomeUnknown?: boolean }).outcomeUnknown === false || error instanceof DmsThrottlingError;
      if (!(error instanceof DmsError) || !error.retryable || !unsent || attempt >= policy.maxAttempts) throw error;
      if (!(await sleep(retryDelayMs(error, attempt, policy), callOptions.signal))) throw error;
    }
  }
}

/** The IDs on the first page of the flow's manual runs, newest first. */
async function manualRuns(
  client: DmsTransport<DmsCallOptions>,
  ref: { DagId: Int64Input; Tid?: Int64Input | undefined },
  callOptions: DmsCallOptions,
): Promise<string[]> {
  const page = await listTaskFlowInstance(
    client,
    { ...ref, TriggerType: MANUAL, PageIndex: 1, PageSize: PAGE_SIZE },
    callOptions,
  );
  return (page.DAGInstanceList?.DAGInstance ?? []).map((i) => i.Id ?? "");
}

/**
 * The one manual run listed now and not before. The listing is newest first, so a new run pushes
 * old ones off the end of the first page and never brings one in: what is new on it is new.
 */
async function newRun(
  client: DmsTransport<DmsCallOptions>,
  ref: { DagId: Int64Input; Tid?: Int64Input | undefined },
  before: readonly string[],
  polls: number,
  callOptions: DmsCallOptions,
): Promise<string> {
  const known = new Set(before);
  for (let poll = 1; ; poll++) {
    const fresh = (await manualRuns(client, ref, callOptions)).filter((id) => !known.has(id));
    if (fresh.length === 1) return fresh[0]!;
    if (fresh.length > 1) {
      throw new DmsLookupError(
        "RunInstanceAmbiguous",
        `${fresh.length} manual runs of task flow ${String(ref.DagId)} started while this one did (${fresh.join(", ")}); which is ours cannot be told. Check them with ListTaskFlowInstance.`,
        fresh.map((id) => ({ id })),
        { action: "TryRunTaskFlow" },
      );
    }
    if (poll >= polls) {
      throw new DmsLookupError(
        "RunInstanceNotFound",
        `After TryRunTaskFlow, no new manual run of task flow ${String(ref.DagId)} was listed in ${polls} looks; check the flow's instances.`,
        [],
        { action: "TryRunTaskFlow" },
      );
    }
    if (!(await sleep(1000, callOptions.signal)))
      throw new DmsAbortError(`Looking for the run of task flow ${String(ref.DagId)} was aborted.`);
  }
}
