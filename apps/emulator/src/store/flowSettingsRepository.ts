import type { Statement } from "better-sqlite3";
import type { SqliteDatabase } from "./openDatabase.js";

/** Which run outcomes of a flow notify its owner. */
export interface FlowNotification {
  readonly onFail: boolean;
  readonly onSla: boolean;
  readonly onSuccess: boolean;
}

/** A flow constant or time variable: a name and its value (or date pattern). */
export interface NamedValue {
  readonly name: string;
  readonly value: string;
}

/** A new flow notifies nobody until UpdateTaskFlowNotification says otherwise. */
const NO_NOTIFICATION: FlowNotification = { onFail: false, onSla: false, onSuccess: false };

/** One of the per-flow ordered lists. */
type ListTable = "flow_constants" | "flow_time_variables" | "flow_cooperators";

/** SQL for a flow's settings: notification switches, constants, time variables and cooperators. */
export class FlowSettingsRepository {
  private readonly readNotification: Statement<[bigint], { on_fail: bigint; on_sla: bigint; on_success: bigint }>;
  private readonly writeNotification: Statement<[bigint, number, number, number]>;
  private readonly lists: ReadonlyMap<ListTable, { read: Statement; clear: Statement; add: Statement }>;

  constructor(private readonly db: SqliteDatabase) {
    this.readNotification = db.prepare("SELECT on_fail, on_sla, on_success FROM flow_notifications WHERE dag_id = ?");
    this.writeNotification = db.prepare(
      "INSERT OR REPLACE INTO flow_notifications (dag_id, on_fail, on_sla, on_success) VALUES (?, ?, ?, ?)",
    );
    const columns: Record<ListTable, string> = {
      flow_constants: "name, value",
      flow_time_variables: "name, pattern",
      flow_cooperators: "user_id",
    };
    this.lists = new Map(
      (Object.keys(columns) as ListTable[]).map((table) => {
        const cols = columns[table];
        const marks = cols.split(",").map(() => "?");
        return [
          table,
          {
            read: db.prepare(`SELECT ${cols} FROM ${table} WHERE dag_id = ? ORDER BY position`).raw(),
            clear: db.prepare(`DELETE FROM ${table} WHERE dag_id = ?`),
            add: db.prepare(`INSERT INTO ${table} (dag_id, position, ${cols}) VALUES (?, ?, ${marks.join(", ")})`),
          },
        ];
      }),
    );
  }

  /** The flow's notification switches. */
  notification(dagId: bigint): FlowNotification {
    const row = this.readNotification.get(dagId);
    if (!row) return NO_NOTIFICATION;
    return { onFail: row.on_fail !== 0n, onSla: row.on_sla !== 0n, onSuccess: row.on_success !== 0n };
  }

  /** Sets the flow's notification switches. */
  setNotification(dagId: bigint, n: FlowNotification): void {
    this.writeNotification.run(dagId, Number(n.onFail), Number(n.onSla), Number(n.onSuccess));
  }

  /** The flow's constants, in the order they were given. */
  constants(dagId: bigint): NamedValue[] {
    return this.readPairs("flow_constants", dagId);
  }

  /** Replaces the flow's constants. */
  setConstants(dagId: bigint, constants: readonly NamedValue[]): void {
    this.replace(
      "flow_constants",
      dagId,
      constants.map((c) => [c.name, c.value]),
    );
  }

  /** The flow's time variables (name and date pattern), in the order they were given. */
  timeVariables(dagId: bigint): NamedValue[] {
    return this.readPairs("flow_time_variables", dagId);
  }

  /** Replaces the flow's time variables. */
  setTimeVariables(dagId: bigint, variables: readonly NamedValue[]): void {
    this.replace(
      "flow_time_variables",
      dagId,
      variables.map((v) => [v.name, v.value]),
    );
  }

  /** The user IDs of the flow's cooperators. */
  cooperators(dagId: bigint): string[] {
    return (this.lists.get("flow_cooperators")!.read.all(dagId) as [string][]).map(([id]) => id);
  }

  /** Replaces the flow's cooperators. */
  setCooperators(dagId: bigint, userIds: readonly string[]): void {
    this.replace(
      "flow_cooperators",
      dagId,
      userIds.map((id) => [id]),
    );
  }

  private readPairs(table: ListTable, dagId: bigint): NamedValue[] {
    return (this.lists.get(table)!.read.all(dagId) as [string, string][]).map(([name, value]) => ({ name, value }));
  }

  private replace(table: ListTable, dagId: bigint, rows: readonly string[][]): void {
    const list = this.lists.get(table)!;
    this.db.transaction(() => {
      list.clear.run(dagId);
      rows.forEach((row, position) => {
        list.add.run(dagId, position, ...row);
      });
    })();
  }
}
