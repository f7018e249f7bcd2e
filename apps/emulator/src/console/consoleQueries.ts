import type { Statement } from "better-sqlite3";
import { instanceView } from "../admin/inspectState.js";
import type { Engine } from "../engine/engine.js";
import type { FlowSchedule } from "../engine/flowSchedule.js";
import type { TaskFlow } from "../store/catalog.js";
import type { InstanceRecord } from "../store/instanceRepository.js";
import type { Store } from "../store/store.js";

/** A node of a graph the console draws: ids as decimal strings. */
export interface GraphNodeView {
  readonly id: string;
  readonly name: string;
  readonly upstream: readonly string[];
}

/** A node of a run: its place in the graph and its state; status null when the run has no node runs here. */
export interface RunNodeView extends GraphNodeView {
  readonly status: number | null;
  readonly attempts: number;
  readonly message: string;
  readonly startTime: string | null;
  readonly endTime: string | null;
}

type LatestRow = { dag_id: bigint; id: bigint; status: bigint; start_time: string | null };
type PlainNode = { node_id: bigint; name: string };
type PlainEdge = { node_from: bigint; node_end: bigint };

/** How many runs the flow page lists. */
export const FLOW_RUNS_LISTED = 50;

/**
 * What the console's pages read, in the shape they draw, with int64 ids as decimal strings. Read-only:
 * a seeded version never run here is drawn from its frozen graph if it has one, else from the flow's
 * graph, without freezing it (freezing is a write that belongs to a run).
 */
export class ConsoleQueries {
  private readonly latestRuns: Statement<[], LatestRow>;
  private readonly runsOf: Statement<[bigint, number], InstanceRecord>;
  private readonly versionNodes: Statement<[bigint, bigint], PlainNode>;
  private readonly versionEdges: Statement<[bigint, bigint], PlainEdge>;

  constructor(
    private readonly store: Store,
    private readonly engine: Engine,
  ) {
    const db = store.db;
    this.latestRuns = db.prepare(
      `SELECT i.dag_id, i.id, i.status, i.start_time FROM instances i
       JOIN (SELECT max(id) AS id FROM instances GROUP BY dag_id) m ON m.id = i.id`,
    );
    this.runsOf = db.prepare("SELECT * FROM instances WHERE dag_id = ? ORDER BY id DESC LIMIT ?");
    this.versionNodes = db.prepare(
      "SELECT node_id, name FROM version_nodes WHERE dag_id = ? AND version_id = ? ORDER BY node_id",
    );
    this.versionEdges = db.prepare("SELECT node_from, node_end FROM version_edges WHERE dag_id = ? AND version_id = ?");
  }

  /** Tenants with their flows: owner, schedule, deployed version and latest run. */
  overview(): unknown {
    const latest = new Map<string, LatestRow>();
    for (const row of this.latestRuns.all()) latest.set(String(row.dag_id), row);
    const { tenants, taskFlows } = this.store.catalog;
    return {
      tenants: [...tenants.values()].map((t) => ({
        Tid: t.tid,
        name: t.name,
        flows: [...taskFlows.values()]
          .filter((f) => f.tid === t.tid)
          .map((f) => {
            const run = latest.get(String(f.dagId));
            return {
              ...this.flowHead(f),
              latestRun: run ? { Id: String(run.id), status: Number(run.status), startTime: run.start_time } : null,
            };
          }),
      })),
    };
  }

  /** One flow: its head, current graph, versions (newest first) and latest runs; undefined when there is none. */
  flow(dagId: string): unknown {
    const flow = this.store.catalog.taskFlows.get(dagId);
    if (!flow) return undefined;
    const graph = this.engine.versions.currentGraph(flow.dagId);
    const versions = this.store.flows.versions(flow.dagId, 100, 0);
    return {
      ...this.flowHead(flow),
      graph: graph.map((n) => ({ id: String(n.nodeId), name: n.name, upstream: n.upstream.map(String) })),
      versions: versions.rows.map((v) => ({
        VersionId: String(v.version_id),
        lastVersionId: v.last_version_id === null ? null : String(v.last_version_id),
        comments: v.comments,
      })),
      versionCount: versions.total,
      runs: this.runsOf.all(flow.dagId, FLOW_RUNS_LISTED).map(instanceView),
    };
  }

  /** One run with every node's state; undefined when there is no such instance. */
  run(instanceId: bigint): unknown {
    const row = this.store.instances.get(instanceId);
    if (!row) return undefined;
    const flow = this.store.catalog.taskFlows.get(String(row.dag_id));
    const nodeRuns = this.engine.nodeRuns.nodesOf(instanceId);
    const nodes: RunNodeView[] =
      nodeRuns.length > 0
        ? nodeRuns.map((n) => ({
            id: String(n.node_id),
            name: n.name,
            upstream: JSON.parse(n.upstream) as string[],
            status: Number(n.status),
            attempts: Number(n.attempts),
            message: n.message,
            startTime: n.business_time,
            endTime: n.end_time,
          }))
        : this.plannedGraph(row).map((n) => ({ ...n, status: null, attempts: 0, message: "", startTime: null, endTime: null }));
    return {
      ...instanceView(row),
      flowName: flow?.name ?? null,
      Tid: flow?.tid ?? null,
      drivenByEngine: nodeRuns.length > 0,
      nodes,
    };
  }

  private flowHead(f: TaskFlow): Record<string, unknown> {
    const deployment = this.engine.versions.deploymentOf(f.dagId);
    return {
      DagId: String(f.dagId),
      Tid: f.tid,
      name: f.name,
      owner: f.owner,
      status: f.status,
      schedule: scheduleView(this.engine.schedules.get(f.dagId)),
      deployment: deployment
        ? { versionId: String(deployment.versionId), deployId: String(deployment.deployId), online: deployment.online }
        : f.deployId === null
          ? null
          : { versionId: null, deployId: String(f.deployId), online: null },
    };
  }

  /** The graph a run without node runs would execute: its version's frozen graph, else the flow's. */
  private plannedGraph(row: InstanceRecord): GraphNodeView[] {
    if (/^\d{1,19}$/.test(row.dag_version)) {
      const version = BigInt(row.dag_version);
      const nodes = this.versionNodes.all(row.dag_id, version);
      if (nodes.length > 0) return withUpstream(nodes, this.versionEdges.all(row.dag_id, version));
    }
    return this.engine.versions
      .currentGraph(row.dag_id)
      .map((n) => ({ id: String(n.nodeId), name: n.name, upstream: n.upstream.map(String) }));
  }
}

function withUpstream(nodes: PlainNode[], edges: PlainEdge[]): GraphNodeView[] {
  const upstream = new Map<bigint, string[]>(nodes.map((n) => [n.node_id, []]));
  for (const e of edges) if (upstream.has(e.node_from)) upstream.get(e.node_end)?.push(String(e.node_from));
  return nodes.map((n) => ({ id: String(n.node_id), name: n.name, upstream: upstream.get(n.node_id)! }));
}

function scheduleView(schedule: FlowSchedule | undefined): unknown {
  if (!schedule) return null;
  return {
    triggerType: schedule.triggerType,
    cron: schedule.cron,
    timeZone: schedule.timeZone,
    enabled: schedule.enabled,
    nextFire: schedule.nextFireMs === null ? null : new Date(schedule.nextFireMs).toISOString(),
  };
}
