import type { Statement } from "better-sqlite3";
import type { SqliteDatabase } from "./openDatabase.js";

/** A published version row. */
export interface VersionRecord {
  version_id: bigint;
  last_version_id: bigint | null;
  comments: string;
}

/** A graph node row. */
export interface NodeRecord {
  node_id: bigint;
  name: string;
  node_type: bigint;
  content: string;
  config: string;
  graph_param: string;
  time_variables: string;
}

/** A graph edge row. */
export interface EdgeRecord {
  edge_id: bigint;
  node_from: bigint;
  node_end: bigint;
}

/** SQL for task-flow details (versions, graph), prepared once. */
export class FlowRepository {
  private readonly versionPage: Statement<[bigint, number, number], VersionRecord>;
  private readonly versionCount: Statement<[bigint], { n: bigint }>;
  private readonly nodeList: Statement<[bigint], NodeRecord>;
  private readonly edgeList: Statement<[bigint], EdgeRecord>;

  constructor(db: SqliteDatabase) {
    this.versionPage = db.prepare(
      "SELECT version_id, last_version_id, comments FROM dag_versions WHERE dag_id = ? ORDER BY position DESC LIMIT ? OFFSET ?",
    );
    this.versionCount = db.prepare("SELECT count(*) AS n FROM dag_versions WHERE dag_id = ?");
    this.nodeList = db.prepare("SELECT * FROM graph_nodes WHERE dag_id = ? ORDER BY node_id");
    this.edgeList = db.prepare("SELECT edge_id, node_from, node_end FROM graph_edges WHERE dag_id = ? ORDER BY edge_id");
  }

  /** One page of a flow's versions, newest first, and how many there are. */
  versions(dagId: bigint, limit: number, offset: number): { total: number; rows: VersionRecord[] } {
    return { total: Number(this.versionCount.get(dagId)!.n), rows: this.versionPage.all(dagId, limit, offset) };
  }

  /** The nodes of a flow's graph. */
  nodes(dagId: bigint): NodeRecord[] {
    return this.nodeList.all(dagId);
  }

  /** The edges of a flow's graph. */
  edges(dagId: bigint): EdgeRecord[] {
    return this.edgeList.all(dagId);
  }
}
