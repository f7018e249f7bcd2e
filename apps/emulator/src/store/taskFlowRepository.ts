import { TaskFlowStatus } from "@dmsflow/client";
import type { Statement } from "better-sqlite3";
import type { TaskFlowRow } from "./catalog.js";
import type { SqliteDatabase } from "./openDatabase.js";
import { FLOW_TABLES } from "./schema.js";

/** A task-flow row with the columns the definition operations show. */
export interface TaskFlowRecord {
  dag_id: bigint;
  tid: bigint;
  name: string;
  description: string;
  owner: string;
  owner_id: string;
  creator: string;
  creator_id: string;
  status: bigint;
  deploy_id: bigint | null;
  can_edit: bigint;
  scenario_id: bigint | null;
}

/** A new task flow: an empty graph, not scheduled, owned by its creator. */
export interface NewTaskFlow {
  readonly dagId: bigint;
  readonly tid: string;
  readonly name: string;
  readonly description: string;
  readonly scenarioId: bigint | null;
  readonly creatorId: string;
  readonly creator: string;
}

/** Filters of ListTaskFlowsByPage, already checked. */
export interface TaskFlowFilter {
  readonly tid: string;
  /** Only these DagIds (decimal). */
  readonly dagIds?: readonly string[];
  readonly scenarioId?: string;
  /** Only names that contain this text (case-insensitive). */
  readonly nameContains?: string;
  readonly limit: number;
  readonly offset: number;
}

/**
 * SQL for the task_flows rows the definition operations write. Every write hands the row as it now is
 * (undefined once deleted) to `changed`, so the in-memory catalog follows.
 */
export class TaskFlowRepository {
  private readonly insert: Statement;
  private readonly byId: Statement<[bigint], TaskFlowRecord>;
  private readonly nameOwner: Statement<[bigint, string, bigint], bigint>;
  private readonly rename: Statement<[string, string | null, bigint]>;
  private readonly owner: Statement<[string, string, bigint]>;
  private readonly scenario: Statement<[bigint | null, bigint]>;
  private readonly remove: Statement<[bigint]>;
  private readonly removeParts: Statement<[bigint]>[];
  private readonly nickname: Statement<[{ tid: bigint; userId: string }], string>;
  private readonly ofTenant: Statement<[bigint], TaskFlowRecord>;
  private readonly pages = new Map<string, { page: Statement; count: Statement }>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly changed: (dagId: bigint, row: TaskFlowRow | undefined) => void,
  ) {
    this.byId = db.prepare("SELECT * FROM task_flows WHERE dag_id = ?");
    this.insert = db.prepare(
      `INSERT INTO task_flows (dag_id, tid, name, description, owner, owner_id, creator, creator_id, status, deploy_id, can_edit, scenario_id)
       VALUES (@dagId, @tid, @name, @description, @creator, @creatorId, @creator, @creatorId, ${TaskFlowStatus.unscheduled}, NULL, 1, @scenarioId)`,
    );
    this.nameOwner = db
      .prepare("SELECT dag_id FROM task_flows WHERE tid = ? AND name = ? AND dag_id <> ? LIMIT 1")
      .pluck() as Statement<[bigint, string, bigint], bigint>;
    this.rename = db.prepare("UPDATE task_flows SET name = ?, description = COALESCE(?, description) WHERE dag_id = ?");
    this.owner = db.prepare("UPDATE task_flows SET owner_id = ?, owner = ? WHERE dag_id = ?");
    this.scenario = db.prepare("UPDATE task_flows SET scenario_id = ? WHERE dag_id = ?");
    this.remove = db.prepare("DELETE FROM task_flows WHERE dag_id = ?");
    this.removeParts = [
      db.prepare("DELETE FROM node_instances WHERE instance_id IN (SELECT id FROM instances WHERE dag_id = ?)"),
      ...FLOW_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE dag_id = ?`)),
    ];
    this.nickname = db
      .prepare(
        `SELECT owner FROM task_flows WHERE tid = @tid AND owner_id = @userId
         UNION ALL SELECT creator FROM task_flows WHERE tid = @tid AND creator_id = @userId LIMIT 1`,
      )
      .pluck() as Statement<[{ tid: bigint; userId: string }], string>;
    this.ofTenant = db.prepare("SELECT * FROM task_flows WHERE tid = ? ORDER BY dag_id");
  }

  /** Stores a new flow. */
  create(flow: NewTaskFlow): void {
    this.insert.run({ ...flow, tid: BigInt(flow.tid) });
    this.refresh(flow.dagId);
  }

  /** The flow of the tenant (other than `except`) that already has this name, if any. */
  nameTakenBy(tid: string, name: string, except = 0n): bigint | undefined {
    return this.nameOwner.get(BigInt(tid), name, except);
  }

  /** Renames a flow; a null description keeps the current one. */
  setName(dagId: bigint, name: string, description: string | null): void {
    this.rename.run(name, description, dagId);
    this.refresh(dagId);
  }

  /** Hands a flow over to another owner. */
  setOwner(dagId: bigint, ownerId: string, nickname: string): void {
    this.owner.run(ownerId, nickname, dagId);
    this.refresh(dagId);
  }

  /** Moves a flow into a scenario (null: the default scenario). */
  setScenario(dagId: bigint, scenarioId: bigint | null): void {
    this.scenario.run(scenarioId, dagId);
    this.refresh(dagId);
  }

  /** Deletes a flow with its graph, versions, instances and settings, in one savepoint. */
  delete(dagId: bigint): void {
    this.db.transaction(() => {
      for (const statement of this.removeParts) statement.run(dagId);
      this.remove.run(dagId);
    })();
    this.refresh(dagId);
  }

  /**
   * The nickname of a user the tenant knows (as the owner or creator of one of its flows), or the ID
   * itself: the emulator keeps no user directory.
   */
  nicknameOf(tid: string, userId: string): string {
    return this.nickname.get({ tid: BigInt(tid), userId }) ?? userId;
  }

  /** Every flow of the tenant, by DagId. */
  listOfTenant(tid: string): TaskFlowRecord[] {
    return this.ofTenant.all(BigInt(tid));
  }

  /** One page of the tenant's flows (by DagId) and how many match. */
  page(filter: TaskFlowFilter): { total: number; rows: TaskFlowRecord[] } {
    const where = ["tid = @tid"];
    const params: Record<string, unknown> = { tid: BigInt(filter.tid) };
    if (filter.dagIds !== undefined) {
      where.push("dag_id IN (SELECT value FROM json_each(@dagIds))");
      params.dagIds = `[${filter.dagIds.join(",")}]`;
    }
    if (filter.scenarioId !== undefined) {
      where.push("scenario_id = @scenarioId");
      params.scenarioId = BigInt(filter.scenarioId);
    }
    if (filter.nameContains !== undefined) {
      where.push("instr(lower(name), lower(@nameContains)) > 0");
      params.nameContains = filter.nameContains;
    }
    const key = where.join(" AND ");
    let statements = this.pages.get(key);
    if (!statements) {
      statements = {
        page: this.db.prepare(`SELECT * FROM task_flows WHERE ${key} ORDER BY dag_id LIMIT @limit OFFSET @offset`),
        count: this.db.prepare(`SELECT count(*) AS n FROM task_flows WHERE ${key}`),
      };
      this.pages.set(key, statements);
    }
    const total = Number((statements.count.get(params) as { n: bigint }).n);
    const rows = statements.page.all({ ...params, limit: filter.limit, offset: filter.offset }) as TaskFlowRecord[];
    return { total, rows };
  }

  private refresh(dagId: bigint): void {
    this.changed(dagId, this.byId.get(dagId));
  }
}
