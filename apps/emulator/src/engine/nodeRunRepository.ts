import type { Statement } from "better-sqlite3";
import type { SqliteDatabase } from "../store/openDatabase.js";

/** A node run row as SQLite returns it. */
export interface NodeRunRecord {
  id: bigint;
  instance_id: bigint;
  node_id: bigint;
  name: string;
  node_type: bigint;
  upstream: string;
  status: bigint;
  attempts: bigint;
  start_ms: bigint | null;
  end_ms: bigint | null;
  due_ms: bigint | null;
  fail_message: string | null;
  business_time: string | null;
  end_time: string | null;
  message: string;
}

/** A node run row with its run's flow and status (for loading the live runs). */
export interface LiveNodeRunRecord extends NodeRunRecord {
  dag_id: bigint;
  run_status: bigint;
}

/** What a new run row holds. */
export interface NewRun {
  readonly id: bigint;
  readonly dagId: bigint;
  readonly status: number;
  readonly dagVersion: string;
  readonly triggerType: number;
  readonly businessTime: string;
  readonly startTime: string;
}

/** SQL for runs (instances rows) and their node runs, prepared once. */
export class NodeRunRepository {
  private readonly insertRun: Statement;
  private readonly insertNode: Statement;
  private readonly start: Statement;
  private readonly finish: Statement;
  private readonly endRun: Statement;
  private readonly byRun: Statement<[bigint], NodeRunRecord>;
  private readonly anyNode: Statement<[bigint], { one: bigint }>;
  private readonly maxInstance: Statement<[], { m: bigint | null }>;
  private readonly saveClockStatement: Statement<[number]>;
  private readonly clearCompletion: Statement<[bigint]>;

  constructor(private readonly db: SqliteDatabase) {
    this.insertRun = db.prepare(
      `INSERT INTO instances (id, dag_id, status, dag_version, history_dag_id, trigger_type, business_time, start_time, end_time, message, complete_at_ms)
       VALUES (@id, @dagId, @status, @dagVersion, NULL, @triggerType, @businessTime, @startTime, NULL, '', NULL)`,
    );
    this.insertNode = db.prepare(
      `INSERT INTO node_instances (instance_id, node_id, name, node_type, upstream, status, attempts, message)
       VALUES (?, ?, ?, ?, ?, 0, 0, '')`,
    );
    // The engine's hot path (a node's start and finish, a run's end) binds by position: named
    // parameters cost an object per call.
    this.start = db.prepare(
      `UPDATE node_instances SET status = 1, attempts = ?, start_ms = ?, due_ms = ?, end_ms = NULL,
       fail_message = ?, business_time = ?, end_time = NULL, message = '' WHERE id = ?`,
    );
    this.finish = db.prepare(
      "UPDATE node_instances SET status = ?, end_ms = ?, due_ms = NULL, end_time = ?, message = ? WHERE id = ?",
    );
    this.endRun = db.prepare("UPDATE instances SET status = ?, end_time = ?, message = ?, complete_at_ms = NULL WHERE id = ?");
    this.byRun = db.prepare("SELECT * FROM node_instances WHERE instance_id = ? ORDER BY id");
    this.anyNode = db.prepare("SELECT 1 AS one FROM node_instances WHERE instance_id = ? LIMIT 1");
    this.maxInstance = db.prepare("SELECT max(id) AS m FROM instances");
    this.saveClockStatement = db.prepare("INSERT OR REPLACE INTO engine_state (key, value) VALUES ('clock_ms', ?)");
    this.clearCompletion = db.prepare("UPDATE instances SET complete_at_ms = NULL WHERE id = ?");
  }

  /** The next free instance id. */
  nextInstanceId(): bigint {
    return (this.maxInstance.get()!.m ?? 0n) + 1n;
  }

  /** Inserts a run row. */
  createRun(run: NewRun): void {
    this.insertRun.run(run);
  }

  /** Inserts a node run (waiting, never attempted) and returns its row id. */
  createNode(instanceId: bigint, nodeId: bigint, name: string, nodeType: number, upstream: readonly bigint[]): bigint {
    const json = JSON.stringify(upstream.map(String));
    return BigInt(this.insertNode.run(instanceId, nodeId, name, nodeType, json).lastInsertRowid);
  }

  /** Records the start of an attempt and its planned outcome (a failure message, or null). */
  startNode(
    id: bigint,
    attempts: number,
    startMs: number,
    dueMs: number,
    failMessage: string | null,
    businessTime: string,
  ): void {
    this.start.run(attempts, startMs, dueMs, failMessage, businessTime, id);
  }

  /** Records the end of a node run. */
  finishNode(id: bigint, status: number, endMs: number, endTime: string, message: string): void {
    this.finish.run(status, endMs, endTime, message, id);
  }

  /** Ends a run with a status (the engine's own transitions: every node succeeded, or one failed). */
  setRunOutcome(id: bigint, status: number, endTime: string, message: string): void {
    this.endRun.run(status, endTime, message, id);
  }

  /** A run's node runs. */
  nodesOf(instanceId: bigint): NodeRunRecord[] {
    return this.byRun.all(instanceId);
  }

  /** Whether the instance has node runs (so the engine drives it). */
  hasNodes(instanceId: bigint): boolean {
    return this.anyNode.get(instanceId) !== undefined;
  }

  /** Puts every node run of a run back to waiting (attempt counts kept), for ReRun. */
  resetNodes(instanceId: bigint): void {
    this.db
      .prepare(
        `UPDATE node_instances SET status = 0, start_ms = NULL, end_ms = NULL, due_ms = NULL, fail_message = NULL,
         business_time = NULL, end_time = NULL, message = '' WHERE instance_id = ?`,
      )
      .run(instanceId);
  }

  /** Removes a run's node runs (before a ReRun on another version). */
  deleteNodes(instanceId: bigint): void {
    this.db.prepare("DELETE FROM node_instances WHERE instance_id = ?").run(instanceId);
  }

  /** Node runs of every run that is not over, or that still has a node running. */
  liveNodes(): LiveNodeRunRecord[] {
    return this.db
      .prepare(
        `SELECT n.*, i.dag_id AS dag_id, i.status AS run_status FROM node_instances n JOIN instances i ON i.id = n.instance_id
         WHERE n.instance_id IN (SELECT instance_id FROM node_instances WHERE status = 1)
            OR i.status IN (0, 1, 2)
         ORDER BY n.instance_id, n.id`,
      )
      .all() as LiveNodeRunRecord[];
  }

  /** The simulated time the engine last saved. */
  savedClock(): number {
    const row = this.db.prepare("SELECT value FROM engine_state WHERE key = 'clock_ms'").get() as { value: bigint } | undefined;
    return row ? Number(row.value) : 0;
  }

  /** Saves the simulated time, so a restart never moves it backwards. */
  saveClock(ms: number): void {
    this.saveClockStatement.run(ms);
  }

  /** The engine drives the run: it does not complete on its own after --complete-after. */
  clearSelfCompletion(instanceId: bigint): void {
    this.clearCompletion.run(instanceId);
  }
}
