import { InstanceStatus } from "@dmsflow/client";
import type { Statement } from "better-sqlite3";
import type { SqliteDatabase } from "./openDatabase.js";

/** An instance row as SQLite returns it (integers as bigint). */
export interface InstanceRecord {
  id: bigint;
  dag_id: bigint;
  status: bigint;
  dag_version: string;
  history_dag_id: bigint | null;
  trigger_type: bigint;
  business_time: string | null;
  start_time: string | null;
  end_time: string | null;
  message: string;
  complete_at_ms: bigint | null;
}

/** What a state change does: from which statuses, to which, and which times it stamps. */
export interface TransitionRule {
  readonly from: readonly InstanceStatus[];
  readonly to: InstanceStatus;
  /** A new run: startTime becomes now and EndTime is cleared. */
  readonly startsRun?: boolean;
  /** The run ends: EndTime becomes now. */
  readonly endsRun?: boolean;
  /** Replaces the instance's message. */
  readonly message?: string;
  /** The request's DagVersion, when given, becomes the instance's version. */
  readonly takesVersion?: boolean;
}

/** The arguments of one state change. */
export interface TransitionCall {
  readonly dagId: bigint;
  readonly id: bigint;
  /** Now, as the API prints times. */
  readonly now: string;
  /** When a running instance completes on its own (epoch ms), or null for never. */
  readonly completeAt: number | null;
  readonly dagVersion: string | null;
}

/** Filters of ListTaskFlowInstance, already checked. */
export interface InstanceFilter {
  readonly dagId: bigint;
  readonly status?: number;
  readonly triggerType?: number;
  /** Inclusive bounds on startTime (or BusinessTime), as `yyyy-MM-dd HH:mm:ss`. */
  readonly from?: string;
  readonly to?: string;
  readonly byBusinessTime?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** SQL for instances: prepared once, reused for every request. */
export class InstanceRepository {
  private readonly statusOf: Statement<[bigint, bigint], { status: bigint }>;
  private readonly latest: Statement<[bigint], { status: bigint; start_time: string | null }>;
  private readonly byId: Statement<[bigint], InstanceRecord>;
  private readonly forceStatus: Statement<[number, bigint]>;
  private readonly dueRuns: Statement<[number], { id: bigint; dag_id: bigint }>;
  private readonly completeOne: Statement<[string, bigint]>;
  private readonly anyDue: Statement<[number]>;
  private readonly listStatements = new Map<string, { page: Statement; count: Statement }>();

  constructor(private readonly db: SqliteDatabase) {
    this.statusOf = db.prepare("SELECT status FROM instances WHERE id = ? AND dag_id = ?");
    this.latest = db.prepare("SELECT status, start_time FROM instances WHERE dag_id = ? ORDER BY id DESC LIMIT 1");
    this.byId = db.prepare("SELECT * FROM instances WHERE id = ?");
    this.forceStatus = db.prepare("UPDATE instances SET status = ?, complete_at_ms = NULL WHERE id = ?");
    this.dueRuns = db.prepare(
      `SELECT id, dag_id FROM instances WHERE complete_at_ms IS NOT NULL AND complete_at_ms <= ? AND status = ${InstanceStatus.running}`,
    );
    this.completeOne = db.prepare(
      `UPDATE instances SET status = ${InstanceStatus.succeeded}, end_time = ?, complete_at_ms = NULL WHERE id = ?`,
    );
    this.anyDue = db.prepare(
      `SELECT 1 FROM instances WHERE complete_at_ms IS NOT NULL AND complete_at_ms <= ? AND status = ${InstanceStatus.running} LIMIT 1`,
    );
  }

  /**
   * Prepares one guarded UPDATE for a rule. Its WHERE clause holds the allowed statuses, so of two
   * concurrent requests on one instance exactly one changes a row: SQLite runs them one after the other.
   * The returned function answers true when the row changed.
   */
  prepareTransition(rule: TransitionRule): (call: TransitionCall) => boolean {
    const sets = [`status = ${rule.to}`];
    if (rule.startsRun) sets.push("start_time = @now", "end_time = NULL");
    else if (rule.endsRun) sets.push("end_time = @now");
    if (rule.message !== undefined) sets.push(`message = ${quote(rule.message)}`);
    if (rule.takesVersion) sets.push("dag_version = COALESCE(@dagVersion, dag_version)");
    sets.push(rule.to === InstanceStatus.running ? "complete_at_ms = @completeAt" : "complete_at_ms = NULL");
    const sql = `UPDATE instances SET ${sets.join(", ")} WHERE id = @id AND dag_id = @dagId AND status IN (${rule.from.join(", ")})`;
    const statement = this.db.prepare(sql);
    const names = ["id", "dagId", ...(sql.match(/@\w+/g) ?? []).map((n) => n.slice(1))];
    const used = new Set(names);
    return (call) => {
      const params: Record<string, unknown> = {};
      for (const name of used) params[name] = call[name as keyof TransitionCall];
      return statement.run(params).changes === 1;
    };
  }

  /** The status of an instance of a flow, or undefined when the flow has no such instance. */
  status(dagId: bigint, id: bigint): number | undefined {
    const row = this.statusOf.get(id, dagId);
    return row === undefined ? undefined : Number(row.status);
  }

  /** The newest instance of a flow (by Id), for ListTaskFlow's latest-instance fields. */
  latestOf(dagId: bigint): { status: number; startTime: string | null } | undefined {
    const row = this.latest.get(dagId);
    return row && { status: Number(row.status), startTime: row.start_time };
  }

  /** One instance by Id, whatever its flow (admin inspection). */
  get(id: bigint): InstanceRecord | undefined {
    return this.byId.get(id);
  }

  /** Sets a status directly (admin), bypassing the state rules. Returns whether the instance exists. */
  setStatus(id: bigint, status: number): boolean {
    return this.forceStatus.run(status, id).changes === 1;
  }

  /** Whether a running instance's time to complete has come (a read: no transaction when none has). */
  hasDueRuns(nowMs: number): boolean {
    return this.anyDue.get(nowMs) !== undefined;
  }

  /**
   * Marks running instances whose time has come as succeeded, their end time `endTimeOf(dagId)` (the
   * time in the flow's zone); returns how many.
   */
  completeDueRuns(nowMs: number, endTimeOf: (dagId: bigint) => string): number {
    let changed = 0;
    for (const row of this.dueRuns.all(nowMs)) changed += this.completeOne.run(endTimeOf(row.dag_id), row.id).changes;
    return changed;
  }

  /** One page of a flow's instances, newest first, and how many match in total. */
  list(filter: InstanceFilter): { total: number; rows: InstanceRecord[] } {
    const where = ["dag_id = @dagId"];
    if (filter.status !== undefined) where.push("status = @status");
    if (filter.triggerType !== undefined) where.push("trigger_type = @triggerType");
    const column = filter.byBusinessTime ? "business_time" : "start_time";
    if (filter.from !== undefined) where.push(`${column} >= @from`);
    if (filter.to !== undefined) where.push(`${column} <= @to`);
    const key = where.join(" AND ");
    let statements = this.listStatements.get(key);
    if (!statements) {
      statements = {
        page: this.db.prepare(`SELECT * FROM instances WHERE ${key} ORDER BY id DESC LIMIT @limit OFFSET @offset`),
        count: this.db.prepare(`SELECT count(*) AS n FROM instances WHERE ${key}`),
      };
      this.listStatements.set(key, statements);
    }
    const params: Record<string, unknown> = { dagId: filter.dagId };
    if (filter.status !== undefined) params.status = filter.status;
    if (filter.triggerType !== undefined) params.triggerType = filter.triggerType;
    if (filter.from !== undefined) params.from = filter.from;
    if (filter.to !== undefined) params.to = filter.to;
    const total = Number((statements.count.get(params) as { n: bigint }).n);
    const rows = statements.page.all({ ...params, limit: filter.limit, offset: filter.offset }) as InstanceRecord[];
    return { total, rows };
  }

  /** How many instances there are per status (admin inspection). */
  countByStatus(): Record<string, number> {
    const out: Record<string, number> = {};
    const rows = this.db.prepare("SELECT status, count(*) AS n FROM instances GROUP BY status").all() as {
      status: bigint;
      n: bigint;
    }[];
    for (const row of rows) out[String(row.status)] = Number(row.n);
    return out;
  }
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
