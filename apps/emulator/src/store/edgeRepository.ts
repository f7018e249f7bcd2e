import type { Statement } from "better-sqlite3";
import type { SqliteDatabase } from "./openDatabase.js";

/** An edge of a flow's editable graph: NodeFrom must finish before NodeEnd starts. */
export interface TaskEdge {
  readonly id: bigint;
  readonly from: bigint;
  readonly end: bigint;
}

/** Conditions of the ...EdgesByCondition operations; every given one must hold. */
export interface EdgeCondition {
  readonly id?: bigint;
  readonly from?: bigint;
  readonly end?: bigint;
}

/** SQL for the edges (graph_edges) of flows' editable graphs. */
export class EdgeRepository {
  private readonly ofFlow: Statement<[bigint], { edge_id: bigint; node_from: bigint; node_end: bigint }>;
  private readonly insert: Statement<[bigint, bigint, bigint, bigint]>;
  private readonly update: Statement<[bigint, bigint, bigint, bigint]>;
  private readonly removeAll: Statement<[bigint]>;
  private readonly removeMatching: Statement;

  constructor(private readonly db: SqliteDatabase) {
    this.ofFlow = db.prepare("SELECT edge_id, node_from, node_end FROM graph_edges WHERE dag_id = ? ORDER BY edge_id");
    this.insert = db.prepare("INSERT INTO graph_edges (dag_id, edge_id, node_from, node_end) VALUES (?, ?, ?, ?)");
    this.update = db.prepare("UPDATE graph_edges SET node_from = ?, node_end = ? WHERE dag_id = ? AND edge_id = ?");
    this.removeAll = db.prepare("DELETE FROM graph_edges WHERE dag_id = ?");
    this.removeMatching = db.prepare(
      `DELETE FROM graph_edges WHERE dag_id = @dagId AND (@id IS NULL OR edge_id = @id)
       AND (@from IS NULL OR node_from = @from) AND (@end IS NULL OR node_end = @end)`,
    );
  }

  /** The edges of a flow, by Id. */
  listOf(dagId: bigint): TaskEdge[] {
    return this.ofFlow.all(dagId).map((row) => ({ id: row.edge_id, from: row.node_from, end: row.node_end }));
  }

  /** The edges of a flow that meet every given condition. */
  matching(dagId: bigint, condition: EdgeCondition): TaskEdge[] {
    return this.listOf(dagId).filter(
      (e) =>
        (condition.id === undefined || e.id === condition.id) &&
        (condition.from === undefined || e.from === condition.from) &&
        (condition.end === undefined || e.end === condition.end),
    );
  }

  /** Adds edges to a flow. */
  add(dagId: bigint, edges: readonly TaskEdge[]): void {
    this.db.transaction(() => {
      for (const e of edges) this.insert.run(dagId, e.id, e.from, e.end);
    })();
  }

  /** Gives existing edges new ends. */
  change(dagId: bigint, edges: readonly TaskEdge[]): void {
    this.db.transaction(() => {
      for (const e of edges) this.update.run(e.from, e.end, dagId, e.id);
    })();
  }

  /** Replaces all the edges of a flow. */
  replace(dagId: bigint, edges: readonly TaskEdge[]): void {
    this.db.transaction(() => {
      this.removeAll.run(dagId);
      for (const e of edges) this.insert.run(dagId, e.id, e.from, e.end);
    })();
  }

  /** Deletes the edges that meet every given condition; returns how many. */
  deleteMatching(dagId: bigint, condition: EdgeCondition): number {
    return this.removeMatching.run({ dagId, id: condition.id ?? null, from: condition.from ?? null, end: condition.end ?? null })
      .changes;
  }
}
