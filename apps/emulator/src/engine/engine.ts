import { InstanceStatus, InstanceTriggerType } from "@dmsflow/client";
import type { Store } from "../store/store.js";
import { BehaviourRepository, seededDraw } from "./behaviourRepository.js";
import { DueQueue } from "./dueQueue.js";
import type { EngineClock } from "./engineClock.js";
import type { EngineEvent, EngineListener } from "./engineEvents.js";
import { type FlowSchedule, nextFiring, ScheduleRepository } from "./flowSchedule.js";
import { type LiveNodeRunRecord, NodeRunRepository } from "./nodeRunRepository.js";
import { type PlanNode, VersionRepository } from "./versionRepository.js";
import { formatZonedTime, parseZonedTime } from "./zonedTime.js";

interface NodeRun {
  readonly rowId: bigint;
  readonly nodeId: bigint;
  readonly name: string;
  readonly run: Run;
  upstream: NodeRun[];
  status: number;
  attempts: number;
  failMessage: string | null;
}

interface Run {
  readonly id: bigint;
  readonly dagId: bigint;
  readonly zone: string;
  status: number;
  nodes: NodeRun[];
}

/** Options of the engine. */
export interface EngineOptions {
  readonly clock: EngineClock;
  /** Seeds the failure draws (failureRate): the same seed fails the same node runs. */
  readonly randomSeed: number;
  readonly onStateChange?: EngineListener | undefined;
}

/** How a new run starts. */
export interface RunStart {
  readonly triggerType: InstanceTriggerType;
  readonly dagVersion: string;
  /** Defaults to the start time. */
  readonly businessTimeMs?: number;
}

const FINISHED = new Set<number>([InstanceStatus.failed, InstanceStatus.succeeded, InstanceStatus.completed]);
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * At most this many node completions per timer tick. A tick is one synchronous stretch; when the
 * engine is behind (thousands of runs, a slow machine) the rest waits for the next tick, so requests
 * are served in between instead of waiting behind all of it. Completion times stay the due times.
 */
const COMPLETIONS_PER_TICK = 256;

/**
 * Runs task-flow instances: each node starts once all its upstream nodes succeeded, several at once
 * where the graph allows, takes its simulated duration and succeeds or fails as its behaviour says.
 * Every transition is a write in the store's group commit, so it is on disk before anyone hears of
 * it, and a restart continues from the file: a started node keeps its attempt count, due time and
 * planned outcome, so it is never counted twice. Live runs are also held in memory so a completion
 * costs no query. With no live run and no armed schedule there is no timer: an idle engine writes nothing.
 */
export class Engine {
  readonly versions: VersionRepository;
  readonly schedules: ScheduleRepository;
  readonly behaviours: BehaviourRepository;
  readonly nodeRuns: NodeRunRepository;
  private readonly runs = new Map<bigint, Run>();
  private readonly due = new DueQueue<NodeRun>();
  private readonly armed = new Map<bigint, FlowSchedule>();
  private pendingEvents: EngineEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private reconcile = new Set<Run>();
  private closed = false;
  private readonly stopClockListener: () => void;

  constructor(
    private readonly store: Store,
    private readonly options: EngineOptions,
  ) {
    this.versions = new VersionRepository(store.db);
    this.schedules = new ScheduleRepository(store.db);
    this.behaviours = new BehaviourRepository(store.db);
    this.nodeRuns = new NodeRunRepository(store.db);
    this.stopClockListener = options.clock.onChange(() => this.arm());
    this.load();
  }

  /** The simulated time now. */
  now(): number {
    return this.options.clock.now();
  }

  /** How many runs the engine holds in memory (live ones). */
  get liveRuns(): number {
    return this.runs.size;
  }

  /** Forgets everything in memory and reads the live runs and armed schedules from the file (start-up, reset, seed). */
  load(): void {
    this.runs.clear();
    this.due.clear();
    this.armed.clear();
    this.reconcile.clear();
    let current: Run | undefined;
    let byNodeId = new Map<string, NodeRun>();
    let upstreamOf = new Map<NodeRun, string[]>();
    const finishRun = () => {
      if (!current) return;
      for (const [node, ups] of upstreamOf) node.upstream = ups.map((id) => byNodeId.get(id)!).filter(Boolean);
      this.runs.set(current.id, current);
      if (current.status === InstanceStatus.running) this.reconcile.add(current);
    };
    for (const row of this.nodeRuns.liveNodes()) {
      if (current?.id !== row.instance_id) {
        finishRun();
        current = {
          id: row.instance_id,
          dagId: row.dag_id,
          zone: this.schedules.zoneOf(row.dag_id),
          status: Number(row.run_status),
          nodes: [],
        };
        byNodeId = new Map();
        upstreamOf = new Map();
      }
      const node = this.nodeFromRow(row, current);
      current.nodes.push(node);
      byNodeId.set(String(row.node_id), node);
      upstreamOf.set(node, JSON.parse(row.upstream) as string[]);
      if (node.status === InstanceStatus.running && row.due_ms !== null) {
        this.due.push({ dueMs: Number(row.due_ms), item: node, attempt: node.attempts });
      }
    }
    finishRun();
    for (const schedule of this.schedules.armed()) this.refreshSchedule(schedule.dagId);
    this.arm();
  }

  /** Starts a run of a plan now; returns the new instance id. Call inside a store write. */
  startRun(dagId: bigint, plan: readonly PlanNode[], start: RunStart): bigint {
    const now = this.now();
    const zone = this.schedules.zoneOf(dagId);
    const id = this.nodeRuns.nextInstanceId();
    const time = formatZonedTime(now, zone);
    this.nodeRuns.createRun({
      id,
      dagId,
      status: InstanceStatus.running,
      dagVersion: start.dagVersion,
      triggerType: start.triggerType,
      businessTime: formatZonedTime(start.businessTimeMs ?? now, zone),
      startTime: time,
    });
    const run: Run = { id, dagId, zone, status: InstanceStatus.running, nodes: [] };
    this.attachPlan(run, plan);
    this.runs.set(id, run);
    this.event({
      kind: "run",
      dagId: String(dagId),
      instanceId: String(id),
      status: InstanceStatus.running,
      atMs: now,
      message: "",
    });
    this.advance(run, now);
    this.arm();
    return id;
  }

  /**
   * Follows an operator's transition that just changed the instance row (in the same write, so both
   * commit together). ReRun reruns every node from the beginning: the DMS terms page says "Rerun:
   * reruns all node instances from the beginning", on the version that was run, while "Restore"
   * (rerun only the failed nodes) is a console action with no API. A DagVersion given to ReRun (checked
   * to be a version of the flow) becomes the version the rerun executes. An instance with no node runs
   * (seeded, never run here) whose version has no nodes is left to the instance rules alone.
   */
  afterTransition(instanceId: bigint, dagId: bigint, to: number, rerun?: { readonly version: bigint | undefined }): void {
    const now = this.now();
    if (rerun && !this.prepareRerun(instanceId, dagId, rerun.version)) return;
    const run = this.runs.get(instanceId) ?? this.loadRun(instanceId, dagId, to);
    if (!run) return;
    this.nodeRuns.clearSelfCompletion(instanceId);
    run.status = to;
    this.event({
      kind: "run",
      dagId: String(dagId),
      instanceId: String(instanceId),
      status: to as InstanceStatus,
      atMs: now,
      message: "",
    });
    if (to === InstanceStatus.failed) {
      // Stop kills what runs: its node runs end failed now, and nothing else starts.
      for (const node of run.nodes) {
        if (node.status === InstanceStatus.running)
          this.finishNode(node, now, InstanceStatus.failed, "Stopped by StopTaskFlowInstance.");
      }
    }
    if (to === InstanceStatus.running) this.advance(run, now);
    this.forgetIfDone(run);
    this.arm();
  }

  /** A flow's deployment or schedule changed: arm or disarm its schedule. Call inside a store write. */
  refreshSchedule(dagId: bigint): void {
    const schedule = this.schedules.get(dagId);
    const deployment = this.versions.deploymentOf(dagId);
    const fires = schedule?.enabled && schedule.triggerType === "Cron" && schedule.cron && deployment?.online;
    if (!fires || !schedule) {
      this.armed.delete(dagId);
    } else {
      let next = schedule.nextFireMs;
      if (next === null) {
        next = this.firstFiring(schedule, this.now());
        // Still none (past its end date): nothing to write, so loading an idle file commits nothing.
        if (next !== null) this.schedules.setNextFire(dagId, next);
      }
      if (next === null) this.armed.delete(dagId);
      else this.armed.set(dagId, { ...schedule, nextFireMs: next });
    }
    this.arm();
  }

  /** The first firing of a schedule after `afterMs`, within its begin and end dates; null for none. */
  firstFiring(schedule: FlowSchedule, afterMs: number): number | null {
    if (!schedule.cron) return null;
    const begin = schedule.beginDate ? parseZonedTime(schedule.beginDate, schedule.timeZone) : undefined;
    const from = begin !== undefined && begin - 1 > afterMs ? begin - 1 : afterMs;
    const next = nextFiring(schedule.cron, schedule.timeZone, from);
    const end = schedule.endDate ? parseZonedTime(schedule.endDate, schedule.timeZone) : undefined;
    // An end given as a date includes that whole day.
    const endMs = end === undefined ? undefined : /\d{2}:\d{2}:\d{2}$/.test(schedule.endDate!) ? end : end + 86_399_999;
    return next === null || (endMs !== undefined && next > endMs) ? null : next;
  }

  /** Does now whatever is due (after the clock was advanced by hand), so the admin answer follows it. */
  runDue(): void {
    if (this.timer) clearTimeout(this.timer);
    this.tick(Number.POSITIVE_INFINITY);
  }

  /** Stops the timer (the file is closed by the store). */
  close(): void {
    this.closed = true;
    this.stopClockListener();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private prepareRerun(instanceId: bigint, dagId: bigint, version: bigint | undefined): boolean {
    const existing = this.nodeRuns.hasNodes(instanceId);
    const old = this.runs.get(instanceId);
    if (old) {
      // Its pending completions become stale: they belong to node objects no longer running.
      for (const node of old.nodes) node.status = InstanceStatus.waiting;
      this.runs.delete(instanceId);
    }
    if (version === undefined && existing) {
      this.nodeRuns.resetNodes(instanceId);
      return true;
    }
    const row = this.store.instances.get(instanceId);
    const versionId = version ?? (row && /^\d+$/.test(row.dag_version) ? BigInt(row.dag_version) : undefined);
    const plan = versionId === undefined ? undefined : this.versions.versionGraph(dagId, versionId);
    if (!plan || plan.length === 0) {
      if (existing) this.nodeRuns.resetNodes(instanceId);
      return existing;
    }
    if (existing) this.nodeRuns.deleteNodes(instanceId);
    const run: Run = { id: instanceId, dagId, zone: this.schedules.zoneOf(dagId), status: InstanceStatus.running, nodes: [] };
    this.attachPlan(run, plan);
    this.runs.set(instanceId, run);
    return true;
  }

  private loadRun(instanceId: bigint, dagId: bigint, status: number): Run | undefined {
    const rows = this.nodeRuns.nodesOf(instanceId);
    if (rows.length === 0) return undefined;
    const run: Run = { id: instanceId, dagId, zone: this.schedules.zoneOf(dagId), status, nodes: [] };
    const byNodeId = new Map<string, NodeRun>();
    for (const row of rows) {
      const node = this.nodeFromRow(row, run);
      run.nodes.push(node);
      byNodeId.set(String(row.node_id), node);
    }
    rows.forEach((row, i) => {
      run.nodes[i]!.upstream = (JSON.parse(row.upstream) as string[]).map((id) => byNodeId.get(id)!).filter(Boolean);
    });
    this.runs.set(instanceId, run);
    return run;
  }

  private nodeFromRow(row: Omit<LiveNodeRunRecord, "dag_id" | "run_status">, run: Run): NodeRun {
    return {
      rowId: row.id,
      nodeId: row.node_id,
      name: row.name,
      run,
      upstream: [],
      status: Number(row.status),
      attempts: Number(row.attempts),
      failMessage: row.fail_message,
    };
  }

  private attachPlan(run: Run, plan: readonly PlanNode[]): void {
    const byNodeId = new Map<bigint, NodeRun>();
    for (const p of plan) {
      const rowId = this.nodeRuns.createNode(run.id, p.nodeId, p.name, p.nodeType, p.upstream);
      const node: NodeRun = {
        rowId,
        nodeId: p.nodeId,
        name: p.name,
        run,
        upstream: [],
        status: 0,
        attempts: 0,
        failMessage: null,
      };
      run.nodes.push(node);
      byNodeId.set(p.nodeId, node);
    }
    plan.forEach((p, i) => {
      run.nodes[i]!.upstream = p.upstream.map((id) => byNodeId.get(id)!).filter(Boolean);
    });
  }

  /** Starts every ready node of a running run, and ends the run when every node succeeded. */
  private advance(run: Run, now: number): void {
    if (run.status !== InstanceStatus.running) return;
    let allSucceeded = true;
    for (const node of run.nodes) {
      if (node.status !== InstanceStatus.succeeded) allSucceeded = false;
      if (node.status === InstanceStatus.waiting && node.upstream.every((u) => u.status === InstanceStatus.succeeded)) {
        this.startNode(node, now);
      }
    }
    if (allSucceeded) this.endRun(run, now, InstanceStatus.succeeded, "");
  }

  private startNode(node: NodeRun, now: number): void {
    const run = node.run;
    const behaviour = this.behaviours.get(run.dagId, node.nodeId);
    node.attempts += 1;
    node.status = InstanceStatus.running;
    if (behaviour.failNext) {
      node.failMessage = behaviour.failNext.message;
      this.behaviours.consumeFailNext(run.dagId, node.nodeId);
    } else if (
      behaviour.failureRate > 0 &&
      seededDraw(this.options.randomSeed, run.id, node.nodeId, node.attempts) < behaviour.failureRate
    ) {
      node.failMessage = `Simulated failure of node ${node.name} (failure rate ${behaviour.failureRate}).`;
    } else {
      node.failMessage = null;
    }
    const dueMs = now + behaviour.durationMs;
    this.nodeRuns.startNode(node.rowId, node.attempts, now, dueMs, node.failMessage, formatZonedTime(now, run.zone));
    this.due.push({ dueMs, item: node, attempt: node.attempts });
    this.nodeEvent(node, now, "");
  }

  private finishNode(node: NodeRun, now: number, status: number, message: string): void {
    node.status = status;
    this.nodeRuns.finishNode(node.rowId, status, now, formatZonedTime(now, node.run.zone), message);
    this.nodeEvent(node, now, message);
  }

  private complete(node: NodeRun, now: number): void {
    const run = node.run;
    if (node.failMessage === null) {
      this.finishNode(node, now, InstanceStatus.succeeded, "");
      this.advance(run, now);
    } else {
      this.finishNode(node, now, InstanceStatus.failed, node.failMessage);
      // A failed node fails the run (running or suspended); its downstream nodes never start.
      if (run.status === InstanceStatus.running || run.status === InstanceStatus.suspended) {
        this.endRun(run, now, InstanceStatus.failed, `Node ${node.name} (${node.nodeId}) failed: ${node.failMessage}`);
      }
    }
    this.forgetIfDone(run);
  }

  private endRun(run: Run, now: number, status: number, message: string): void {
    run.status = status;
    this.nodeRuns.setRunOutcome(run.id, status, formatZonedTime(now, run.zone), message);
    this.event({
      kind: "run",
      dagId: String(run.dagId),
      instanceId: String(run.id),
      status: status as InstanceStatus,
      atMs: now,
      message,
    });
  }

  private forgetIfDone(run: Run): void {
    if (FINISHED.has(run.status) && !run.nodes.some((n) => n.status === InstanceStatus.running)) this.runs.delete(run.id);
  }

  private readonly onTimer = (): void => this.tick(COMPLETIONS_PER_TICK);

  /** Completes due node runs (up to `limit`, earliest first) and fires every due schedule, in one write; then re-arms. */
  private tick(limit: number): void {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    if (this.closed) return;
    const now = this.now();
    this.store.commits.write(() => {
      for (const run of this.reconcile) if (this.runs.get(run.id) === run) this.advance(run, now);
      this.reconcile.clear();
      let completed = 0;
      for (let top = this.due.peek(); top !== undefined && top.dueMs <= now && completed < limit; top = this.due.peek()) {
        this.due.pop();
        const node = top.item;
        // An entry of an earlier attempt, or of a node that Stop already ended, is stale.
        if (node.status !== InstanceStatus.running || node.attempts !== top.attempt) continue;
        this.complete(node, Math.max(top.dueMs, 0));
        completed++;
      }
      for (const schedule of [...this.armed.values()]) {
        if (schedule.nextFireMs !== null && schedule.nextFireMs <= now) this.fire(schedule, now);
      }
      this.nodeRuns.saveClock(now);
    });
    this.arm();
  }

  private fire(schedule: FlowSchedule, now: number): void {
    const deployment = this.versions.deploymentOf(schedule.dagId);
    const fireMs = schedule.nextFireMs!;
    if (deployment?.online) {
      const plan = this.versions.versionGraph(schedule.dagId, deployment.versionId) ?? [];
      this.startRun(schedule.dagId, plan, {
        triggerType: InstanceTriggerType.scheduled,
        dagVersion: String(deployment.versionId),
        businessTimeMs: fireMs,
      });
    }
    // After a long stop, one run catches up for the missed firings, then the schedule goes on from now.
    let next = this.firstFiring(schedule, fireMs);
    if (next !== null && next <= now) next = this.firstFiring(schedule, now);
    this.schedules.setNextFire(schedule.dagId, next);
    if (next === null) this.armed.delete(schedule.dagId);
    else this.armed.set(schedule.dagId, { ...schedule, nextFireMs: next });
  }

  /** Sets the one timer to the next thing due: a node completion, a schedule firing, or pending reconciliation. */
  private arm(): void {
    if (this.closed) return;
    let at = this.reconcile.size > 0 ? Number.NEGATIVE_INFINITY : (this.due.peek()?.dueMs ?? Number.POSITIVE_INFINITY);
    for (const schedule of this.armed.values())
      if (schedule.nextFireMs !== null && schedule.nextFireMs < at) at = schedule.nextFireMs;
    if (at === Number.POSITIVE_INFINITY) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.timerAt = at;
      return;
    }
    const delay = at === Number.NEGATIVE_INFINITY ? 0 : this.options.clock.realDelayUntil(at);
    if (delay === Number.POSITIVE_INFINITY) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      return;
    }
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(this.onTimer, Math.min(Math.ceil(delay), MAX_TIMER_MS));
  }

  private nodeEvent(node: NodeRun, now: number, message: string): void {
    // Two per node run: with no listener, not even the event object is built.
    if (!this.options.onStateChange) return;
    this.event({
      kind: "node",
      dagId: String(node.run.dagId),
      instanceId: String(node.run.id),
      nodeId: String(node.nodeId),
      nodeName: node.name,
      status: node.status as InstanceStatus,
      attempt: node.attempts,
      atMs: now,
      message,
    });
  }

  /** Queues an event; it is delivered once the write it belongs to is committed, or dropped (and memory reloaded) if that commit fails. */
  private event(event: EngineEvent): void {
    if (!this.options.onStateChange) return;
    if (this.pendingEvents.length === 0) queueMicrotask(this.deliver);
    this.pendingEvents.push(event);
  }

  private readonly deliver = (): void => {
    const batch = this.pendingEvents;
    this.pendingEvents = [];
    const listener = this.options.onStateChange;
    this.store.commits.settled().then(
      () => {
        for (const event of batch) listener?.(event);
      },
      () => this.load(),
    );
  };
}
