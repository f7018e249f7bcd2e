import type { DAGInstance, DmsTransport, Int64Input } from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { DmsConfigError } from "../errors/localErrors.js";
import { DmsAbortError } from "../errors/transportErrors.js";
import { RateLimiter } from "./RateLimiter.js";
import { attemptResume, RUNNING, SUSPENDED } from "./resumeTaskFlowInstanceSafely.js";
import { type FlowRef, scanInstances, windowAround } from "./scanInstances.js";

/** Which suspended instances of a task flow to take: all, or narrowed by id and start date. */
export interface SuspendedInstanceSelection {
  /** The task flow whose suspended instances to take. */
  readonly DagId: Int64Input;
  /** The tenant, if not the active one. */
  readonly Tid?: Int64Input | undefined;
  /** Only these instances (those not listed as suspended are reported in `notFound`); default: all. */
  readonly instanceIds?: readonly Int64Input[] | undefined;
  /** Only instances started on or after this day, `yyyy-MM-dd` (the listing's StartTimeBegin). */
  readonly startTimeBegin?: string | undefined;
  /** Only instances started on or before this day, `yyyy-MM-dd` (the listing's StartTimeEnd). */
  readonly startTimeEnd?: string | undefined;
  /** Page size for the listings (default 100). */
  readonly pageSize?: number | undefined;
  /** Stops the listing. */
  readonly signal?: AbortSignal | undefined;
}

/** What {@link listSuspendedInstances} found. */
export interface SuspendedInstances {
  /** The selected suspended instances, in the order the API lists them. */
  readonly instances: DAGInstance[];
  /** Ids of `instanceIds` that the listing did not show as suspended (another status, or not of this task flow). */
  readonly notFound: string[];
  /** ListTaskFlowInstance pages fetched. */
  readonly listCalls: number;
}

/**
 * The suspended instances a {@link resumeSuspendedInstances} with the same selection would resume, by
 * listing only (no call that changes anything): for a dry run.
 */
export async function listSuspendedInstances(
  client: DmsTransport<DmsCallOptions>,
  selection: SuspendedInstanceSelection,
): Promise<SuspendedInstances> {
  const instances: DAGInstance[] = [];
  const { listCalls, notFound } = await scanSuspended(client, selection, (instance) => instances.push(instance));
  return { instances, notFound, listCalls };
}

/** Which task flow to sweep and how hard. */
export interface ResumeSuspendedInstancesOptions extends SuspendedInstanceSelection {
  /** Passed to every ResumeTaskFlowInstance call. */
  readonly DagVersion?: string | undefined;
  /** Resumes in flight at once (default 4). */
  readonly concurrency?: number | undefined;
  /** API calls (resumes and the listings that check them) started per second at most (default 10). */
  readonly maxRate?: number | undefined;
  /** Rounds of "list again, resume what is still suspended" after the first pass (default 3). */
  readonly reconcileRounds?: number | undefined;
  /** Stops starting new calls and aborts those in flight. */
  readonly signal?: AbortSignal | undefined;
  /** Called once per instance, when its outcome is final. */
  readonly onProgress?: ((event: ResumeProgressEvent) => void) | undefined;
}

/** One instance settled. */
export interface ResumeProgressEvent {
  /** The instance. */
  readonly id: string;
  /** What is known about it (see ResumeSuspendedInstancesResult). */
  readonly outcome: "resumed" | "alreadyRunning" | "declined" | "failed";
  /** Instances settled so far. */
  readonly done: number;
  /** Suspended instances selected. */
  readonly total: number;
}

/** An instance that left the suspended state without an answer of ours saying we resumed it. */
export interface ResumeElsewhere {
  readonly id: string;
  /** Its status when checked: 1 (running) for alreadyRunning, the actual one for declined. */
  readonly status: number;
  /** Whether an attempt of ours had an unknown outcome, so it may be what moved the instance. */
  readonly ourAttemptMayHaveApplied: boolean;
  /** The last answer we got for it (usually the InvalidStatus decline), if any. */
  readonly error: unknown;
}

/** What a sweep knows about each selected instance: exactly one category per instance. */
export interface ResumeSuspendedInstancesResult {
  /** Resumed by this run: an answer to one of its calls said `Success: true`. */
  readonly resumed: string[];
  /** Running at the end, without an answer of ours saying we resumed it (someone else did, or a lost answer of ours). */
  readonly alreadyRunning: ResumeElsewhere[];
  /** No longer suspended but not running (stopped, succeeded...), with the actual status. */
  readonly declined: ResumeElsewhere[];
  /** Still suspended after every round (or its status could not be found), with the last error. */
  readonly failed: { readonly id: string; readonly error: unknown }[];
  /** Whether the signal stopped the sweep. */
  readonly aborted: boolean;
  /** Instances not settled because of the abort; running the sweep again picks them up. */
  readonly pending: string[];
  /** Ids of `instanceIds` that were not listed as suspended, so not attempted (empty without `instanceIds`). */
  readonly notFound: string[];
  /** Resume rounds run: 1 for the first pass, plus the reconcile rounds needed. */
  readonly rounds: number;
  /** ResumeTaskFlowInstance calls made (each may retry inside). */
  readonly resumeCalls: number;
  /** ListTaskFlowInstance pages fetched, the first listing included. */
  readonly listCalls: number;
}

interface Tracked {
  readonly startTime: string | undefined;
  unknownOutcomeAttempts: number;
  lastError: unknown;
}

/** Pages a status check may fetch per narrowed listing; the suspended listing is not bounded by it. */
const CHECK_MAX_PAGES = 50;

/**
 * Lists every suspended instance of a task flow (a snapshot), resumes each `concurrency` at a time
 * within `maxRate`, then reconciles: lists again (narrowed by status and the selection's start-time
 * window), resumes what is still suspended, for at most `reconcileRounds` rounds, and reports each
 * instance by what is known (README, "Resume safety"). Only `Success: true` counts as resumed by us.
 */
export async function resumeSuspendedInstances(
  client: DmsTransport<DmsCallOptions>,
  options: ResumeSuspendedInstancesOptions,
): Promise<ResumeSuspendedInstancesResult> {
  const concurrency = options.concurrency ?? 4;
  const maxRate = options.maxRate ?? 10;
  const maxRounds = 1 + (options.reconcileRounds ?? 3);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new DmsConfigError("concurrency", `concurrency must be an integer of at least 1, got ${String(options.concurrency)}.`);
  }
  if (!(maxRate > 0))
    throw new DmsConfigError("maxRate", `maxRate must be a positive number per second, got ${String(options.maxRate)}.`);
  if (!Number.isInteger(maxRounds) || maxRounds < 1) {
    throw new DmsConfigError(
      "reconcileRounds",
      `reconcileRounds must be a whole number, got ${String(options.reconcileRounds)}.`,
    );
  }
  const { DagId, Tid, DagVersion, signal, onProgress, pageSize } = options;
  checkSelection(options);
  const flow: FlowRef = { DagId, Tid };
  const limiter = new RateLimiter(maxRate);
  const beforeCall = async () => {
    if (!(await limiter.take(signal))) throw new DmsAbortError("Resuming was aborted by the caller's signal.");
  };
  const result: { -readonly [K in keyof ResumeSuspendedInstancesResult]: ResumeSuspendedInstancesResult[K] } = {
    resumed: [] as string[],
    alreadyRunning: [] as ResumeElsewhere[],
    declined: [] as ResumeElsewhere[],
    failed: [] as { id: string; error: unknown }[],
    aborted: false,
    pending: [] as string[],
    notFound: [] as string[],
    rounds: 0,
    resumeCalls: 0,
    listCalls: 0,
  };
  const tracked = new Map<string, Tracked>();
  let done = 0;
  const settle = (id: string, outcome: ResumeProgressEvent["outcome"]) => {
    done++;
    onProgress?.({ id, outcome, done, total: tracked.size });
  };

  let todo: string[] = [];
  try {
    const listing = await scanSuspended(client, options, (instance) => {
      tracked.set(instance.Id!, { startTime: instance.startTime, unknownOutcomeAttempts: 0, lastError: undefined });
    });
    result.listCalls += listing.listCalls;
    result.notFound = listing.notFound;
    todo = [...tracked.keys()];
    while (todo.length > 0) {
      result.rounds++;
      const unresolved = await resumeRound(todo);
      if (unresolved.length === 0) break;
      const statuses = await currentStatuses(unresolved);
      todo = [];
      for (const id of unresolved) {
        const status = statuses.get(id);
        const state = tracked.get(id)!;
        // A resume of an instance in an unknown state is harmless: only a suspended one changes.
        if ((status === SUSPENDED || status === undefined) && result.rounds < maxRounds) {
          todo.push(id);
        } else if (status === undefined || status === SUSPENDED) {
          result.failed.push({ id, error: state.lastError });
          settle(id, "failed");
        } else {
          const entry = { id, status, ourAttemptMayHaveApplied: state.unknownOutcomeAttempts > 0, error: state.lastError };
          if (status === RUNNING) result.alreadyRunning.push(entry);
          else result.declined.push(entry);
          settle(id, status === RUNNING ? "alreadyRunning" : "declined");
        }
      }
    }
  } catch (error) {
    if (!(error instanceof DmsAbortError) && !signal?.aborted) throw error;
    const settled = new Set([
      ...result.resumed,
      ...result.alreadyRunning.map((e) => e.id),
      ...result.declined.map((e) => e.id),
      ...result.failed.map((e) => e.id),
    ]);
    result.pending = [...tracked.keys()].filter((id) => !settled.has(id));
    result.aborted = true;
  }
  return result;

  // Resumes each id once; returns those an answer did not settle as resumed.
  async function resumeRound(ids: readonly string[]): Promise<string[]> {
    const unresolved: string[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const id = ids[next++]!;
        await beforeCall();
        result.resumeCalls++;
        const attempt = await attemptResume(client, { DagId, DagInstanceId: id, Tid, DagVersion }, { signal });
        if (attempt.kind === "resumed") {
          result.resumed.push(id);
          settle(id, "resumed");
          continue;
        }
        const state = tracked.get(id)!;
        state.unknownOutcomeAttempts += attempt.unknownOutcomeAttempts;
        state.lastError = attempt.error;
        unresolved.push(id);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
    return unresolved;
  }

  // The status of each id now, from listings narrowed to the ids' start-time window: suspended
  // ones first (what is left to do), then running ones, then any status for the rest.
  async function currentStatuses(ids: readonly string[]): Promise<Map<string, number>> {
    const window = windowAround(ids.map((id) => tracked.get(id)!.startTime));
    const statuses = new Map<string, number>();
    let rest = new Set(ids);
    for (const status of [SUSPENDED, RUNNING, undefined] as const) {
      let scan: Awaited<ReturnType<typeof scanInstances>>;
      try {
        scan = await scanInstances(client, flow, rest, {
          status,
          window,
          maxPages: status === SUSPENDED ? Number.POSITIVE_INFINITY : CHECK_MAX_PAGES,
          pageSize,
          callOptions: { signal },
          beforeCall,
        });
      } catch (error) {
        if (error instanceof DmsAbortError) throw error;
        // The rest stay unknown: the next round resumes them again (harmless), the last reports them failed.
        for (const id of rest) tracked.get(id)!.lastError ??= error;
        break;
      }
      result.listCalls += scan.calls;
      for (const [id, instance] of scan.found) if (instance.Status !== undefined) statuses.set(id, instance.Status);
      rest = new Set([...rest].filter((id) => !statuses.has(id)));
      if (rest.size === 0) break;
    }
    return statuses;
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkSelection(selection: SuspendedInstanceSelection): void {
  for (const [name, day] of [
    ["startTimeBegin", selection.startTimeBegin],
    ["startTimeEnd", selection.startTimeEnd],
  ] as const) {
    if (day !== undefined && !DAY.test(day)) {
      throw new DmsConfigError(name, `${name} must be a day as yyyy-MM-dd, got ${JSON.stringify(day)}.`);
    }
  }
  if (selection.startTimeBegin && selection.startTimeEnd && selection.startTimeBegin > selection.startTimeEnd) {
    throw new DmsConfigError(
      "startTimeBegin",
      `startTimeBegin ${selection.startTimeBegin} is after startTimeEnd ${selection.startTimeEnd}.`,
    );
  }
}

/**
 * Lists the selection's suspended instances (each once) into `take`; with `instanceIds`, only
 * those, and the listing stops as soon as all of them are found.
 */
async function scanSuspended(
  client: DmsTransport<DmsCallOptions>,
  selection: SuspendedInstanceSelection,
  take: (instance: DAGInstance) => void,
): Promise<{ listCalls: number; notFound: string[] }> {
  checkSelection(selection);
  const wanted = selection.instanceIds === undefined ? undefined : new Set(selection.instanceIds.map((id) => String(id)));
  const seen = new Set<string>();
  const scan = await scanInstances(client, { DagId: selection.DagId, Tid: selection.Tid }, wanted ?? new Set(), {
    status: SUSPENDED,
    window:
      selection.startTimeBegin === undefined && selection.startTimeEnd === undefined
        ? undefined
        : { from: selection.startTimeBegin, to: selection.startTimeEnd },
    maxPages: Number.POSITIVE_INFINITY,
    pageSize: selection.pageSize,
    callOptions: { signal: selection.signal },
    // Without ids every listed instance is taken; with ids the scan stops once all are found.
    collect: wanted === undefined ? collect : undefined,
  });
  if (wanted !== undefined) for (const instance of scan.found.values()) collect(instance);
  return { listCalls: scan.calls, notFound: wanted === undefined ? [] : [...wanted].filter((id) => !seen.has(id)) };

  function collect(instance: DAGInstance): void {
    if (instance.Status !== SUSPENDED || instance.Id === undefined || seen.has(instance.Id)) return;
    seen.add(instance.Id);
    take(instance);
  }
}
