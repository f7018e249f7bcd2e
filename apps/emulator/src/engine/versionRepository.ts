import type { Statement } from "better-sqlite3";
import type { SqliteDatabase } from "../store/openDatabase.js";

/** One node of a graph as a run needs it: what it is and which nodes must succeed before it starts. */
export interface PlanNode {
  readonly nodeId: bigint;
  readonly name: string;
  readonly nodeType: number;
  readonly upstream: readonly bigint[];
}

/** A flow's deployment: which version runs and whether it is online (scheduled). */
export interface Deployment {
  readonly versionId: bigint;
  readonly deployId: bigint;
  readonly online: boolean;
}

type NodeRow = { node_id: bigint; name: string; node_type: bigint };
type EdgeRow = { node_from: bigint; node_end: bigint };

/**
 * Versions (frozen graphs) and deployments. A version published here is frozen at once; a version that
 * came from a seed has no frozen graph, so it is frozen from the flow's graph the first time a run needs it.
 */
export class VersionRepository {
  private readonly graphNodes: Statement<[bigint], NodeRow>;
  private readonly graphEdges: Statement<[bigint], EdgeRow>;
  private readonly frozenNodes: Statement<[bigint, bigint], NodeRow>;
  private readonly frozenEdges: Statement<[bigint, bigint], EdgeRow>;
  private readonly versionRow: Statement<[bigint, bigint], { frozen: bigint }>;
  private readonly latest: Statement<[bigint], { version_id: bigint; position: bigint }>;
  private readonly deployment: Statement<[bigint], { version_id: bigint; deploy_id: bigint; online: bigint }>;

  constructor(private readonly db: SqliteDatabase) {
    this.graphNodes = db.prepare("SELECT node_id, name, node_type FROM graph_nodes WHERE dag_id = ? ORDER BY node_id");
    this.graphEdges = db.prepare("SELECT node_from, node_end FROM graph_edges WHERE dag_id = ?");
    this.frozenNodes = db.prepare(
      "SELECT node_id, name, node_type FROM version_nodes WHERE dag_id = ? AND version_id = ? ORDER BY node_id",
    );
    this.frozenEdges = db.prepare("SELECT node_from, node_end FROM version_edges WHERE dag_id = ? AND version_id = ?");
    this.versionRow = db.prepare("SELECT frozen FROM dag_versions WHERE dag_id = ? AND version_id = ?");
    this.latest = db.prepare("SELECT version_id, position FROM dag_versions WHERE dag_id = ? ORDER BY position DESC LIMIT 1");
    this.deployment = db.prepare("SELECT version_id, deploy_id, online FROM deployments WHERE dag_id = ?");
  }

  /** The flow's current (editing) graph. */
  currentGraph(dagId: bigint): PlanNode[] {
    return plan(this.graphNodes.all(dagId), this.graphEdges.all(dagId));
  }

  /** Whether the flow has this version. */
  hasVersion(dagId: bigint, versionId: bigint): boolean {
    return this.versionRow.get(dagId, versionId) !== undefined;
  }

  /** The graph of a version, freezing a seeded version's graph on first use; undefined when there is no such version. */
  versionGraph(dagId: bigint, versionId: bigint): PlanNode[] | undefined {
    const row = this.versionRow.get(dagId, versionId);
    if (!row) return undefined;
    if (row.frozen === 0n) this.freeze(dagId, versionId);
    return plan(this.frozenNodes.all(dagId, versionId), this.frozenEdges.all(dagId, versionId));
  }

  /** The newest version of a flow. */
  latestVersion(dagId: bigint): bigint | undefined {
    return this.latest.get(dagId)?.version_id;
  }

  /** Freezes the current graph as a new version (ids unique across flows) and returns its id. */
  publish(dagId: bigint, comments: string): bigint {
    const versionId = this.nextId("SELECT max(version_id) FROM dag_versions");
    const last = this.latest.get(dagId);
    this.db
      .prepare(
        "INSERT INTO dag_versions (dag_id, version_id, last_version_id, comments, position, frozen) VALUES (?, ?, ?, ?, ?, 0)",
      )
      .run(dagId, versionId, last?.version_id ?? null, comments, (last?.position ?? 0n) + 1n);
    this.freeze(dagId, versionId);
    return versionId;
  }

  /** The flow's deployment, if it was ever deployed. */
  deploymentOf(dagId: bigint): Deployment | undefined {
    const row = this.deployment.get(dagId);
    return row && { versionId: row.version_id, deployId: row.deploy_id, online: row.online !== 0n };
  }

  /** Deploys a version (a new deployment id) and puts the flow online; returns the deployment id. */
  deploy(dagId: bigint, versionId: bigint): bigint {
    const deployId = this.nextId(
      "SELECT max(id) FROM (SELECT max(deploy_id) AS id FROM deployments UNION ALL SELECT max(deploy_id) FROM task_flows)",
    );
    this.db
      .prepare("INSERT OR REPLACE INTO deployments (dag_id, version_id, deploy_id, online) VALUES (?, ?, ?, 1)")
      .run(dagId, versionId, deployId);
    return deployId;
  }

  /** Takes a flow offline; false when it was not deployed. */
  offline(dagId: bigint): boolean {
    return this.db.prepare("UPDATE deployments SET online = 0 WHERE dag_id = ?").run(dagId).changes === 1;
  }

  private freeze(dagId: bigint, versionId: bigint): void {
    const insertNode = this.db.prepare(
      "INSERT OR REPLACE INTO version_nodes (dag_id, version_id, node_id, name, node_type) VALUES (?, ?, ?, ?, ?)",
    );
    for (const n of this.graphNodes.all(dagId)) insertNode.run(dagId, versionId, n.node_id, n.name, n.node_type);
    const insertEdge = this.db.prepare(
      "INSERT OR IGNORE INTO version_edges (dag_id, version_id, node_from, node_end) VALUES (?, ?, ?, ?)",
    );
    for (const e of this.graphEdges.all(dagId)) insertEdge.run(dagId, versionId, e.node_from, e.node_end);
    this.db.prepare("UPDATE dag_versions SET frozen = 1 WHERE dag_id = ? AND version_id = ?").run(dagId, versionId);
  }

  private nextId(sql: string): bigint {
    const max = this.db.prepare(sql).pluck().get() as bigint | null;
    return (max ?? 0n) + 1n;
  }
}

/** Nodes with their upstream lists; edges naming a node outside the graph are ignored. */
function plan(nodes: NodeRow[], edges: EdgeRow[]): PlanNode[] {
  const upstream = new Map<bigint, bigint[]>(nodes.map((n) => [n.node_id, []]));
  for (const e of edges) if (upstream.has(e.node_from)) upstream.get(e.node_end)?.push(e.node_from);
  return nodes.map((n) => ({
    nodeId: n.node_id,
    name: n.name,
    nodeType: Number(n.node_type),
    upstream: upstream.get(n.node_id)!,
  }));
}

/** The ids of nodes on a cycle (empty for a DAG): a run of such a graph would never finish. */
export function nodesOnCycles(nodes: readonly PlanNode[]): bigint[] {
  const pending = new Map(nodes.map((n) => [n.nodeId, n.upstream.length]));
  const downstream = new Map<bigint, bigint[]>(nodes.map((n) => [n.nodeId, []]));
  for (const n of nodes) for (const up of n.upstream) downstream.get(up)?.push(n.nodeId);
  const ready = nodes.filter((n) => n.upstream.length === 0).map((n) => n.nodeId);
  while (ready.length > 0) {
    const id = ready.pop()!;
    pending.delete(id);
    for (const down of downstream.get(id)!) {
      const left = pending.get(down)! - 1;
      pending.set(down, left);
      if (left === 0) ready.push(down);
    }
  }
  return [...pending.keys()];
}
