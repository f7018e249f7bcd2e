import type { Statement } from "better-sqlite3";
import type { SqliteDatabase } from "./openDatabase.js";

/** A task node row with its flow, as the node operations read it. */
export interface TaskNodeRecord {
  dag_id: bigint;
  node_id: bigint;
  name: string;
  node_type: bigint;
  /** The NodeType name it was created with; null for a seeded node known only by its integer code. */
  type_name: string | null;
  content: string;
  config: string;
  graph_param: string;
  time_variables: string;
  output: string;
}

/** A new node of a flow's editable graph. */
export interface NewTaskNode {
  readonly dagId: bigint;
  readonly nodeId: bigint;
  readonly name: string;
  readonly typeCode: bigint;
  readonly typeName: string;
  readonly content: string;
  readonly graphParam: string;
  readonly timeVariables: string;
  readonly output: string;
}

/** A node column the single-field update operations change. */
export type TaskNodeField = "name" | "content" | "config" | "output" | "time_variables";

const FIELDS: readonly TaskNodeField[] = ["name", "content", "config", "output", "time_variables"];

/** SQL for the nodes (graph_nodes) of flows' editable graphs, the ones GetTaskFlowGraph shows. */
export class NodeRepository {
  private readonly insert: Statement;
  private readonly byId: Statement<[bigint, bigint], TaskNodeRecord>;
  private readonly ofFlow: Statement<[bigint], TaskNodeRecord>;
  private readonly exists: Statement<[bigint, bigint], number>;
  private readonly remove: Statement<[bigint, bigint]>;
  private readonly removeEdges: Statement<[bigint, bigint, bigint]>;
  private readonly updates: ReadonlyMap<TaskNodeField, Statement<[string, bigint, bigint]>>;

  constructor(private readonly db: SqliteDatabase) {
    this.insert = db.prepare(
      `INSERT INTO graph_nodes (dag_id, node_id, name, node_type, type_name, content, config, graph_param, time_variables, output)
       VALUES (@dagId, @nodeId, @name, @typeCode, @typeName, @content, '', @graphParam, @timeVariables, @output)`,
    );
    // A node ID names one node; a seed may repeat one across flows, so the tenant's flows decide.
    this.byId = db.prepare(
      `SELECT n.* FROM graph_nodes n JOIN task_flows f ON f.dag_id = n.dag_id
       WHERE n.node_id = ? AND f.tid = ? ORDER BY n.dag_id LIMIT 1`,
    );
    this.ofFlow = db.prepare("SELECT * FROM graph_nodes WHERE dag_id = ? ORDER BY node_id");
    this.exists = db.prepare("SELECT 1 FROM graph_nodes WHERE dag_id = ? AND node_id = ?").pluck() as Statement<
      [bigint, bigint],
      number
    >;
    this.remove = db.prepare("DELETE FROM graph_nodes WHERE dag_id = ? AND node_id = ?");
    this.removeEdges = db.prepare("DELETE FROM graph_edges WHERE dag_id = ? AND (node_from = ? OR node_end = ?)");
    this.updates = new Map(
      FIELDS.map((field) => [field, db.prepare(`UPDATE graph_nodes SET ${field} = ? WHERE dag_id = ? AND node_id = ?`)]),
    );
  }

  /** Adds a node to a flow. */
  create(node: NewTaskNode): void {
    this.insert.run(node);
  }

  /** The node with this ID in one of the tenant's flows. */
  get(tid: string, nodeId: bigint): TaskNodeRecord | undefined {
    return this.byId.get(nodeId, BigInt(tid));
  }

  /** The nodes of a flow, by NodeId. */
  listOf(dagId: bigint): TaskNodeRecord[] {
    return this.ofFlow.all(dagId);
  }

  /** Whether the flow has a node with this ID (one primary-key lookup). */
  has(dagId: bigint, nodeId: bigint): boolean {
    return this.exists.get(dagId, nodeId) !== undefined;
  }

  /** Changes one field of a node. */
  set(node: TaskNodeRecord, field: TaskNodeField, value: string): void {
    this.updates.get(field)!.run(value, node.dag_id, node.node_id);
  }

  /** Deletes a node and the edges that start or end at it. */
  delete(node: TaskNodeRecord): void {
    this.db.transaction(() => {
      this.removeEdges.run(node.dag_id, node.node_id, node.node_id);
      this.remove.run(node.dag_id, node.node_id);
    })();
  }
}
