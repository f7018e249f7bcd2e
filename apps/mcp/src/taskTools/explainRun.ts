import {
  type DAGInstance,
  type GetTaskFlowGraphOutput,
  type GetTaskInstanceRelationOutput,
  InstanceStatus,
  type NodeInstance,
} from "@dmsflow/client";
import { type RunView, runView, shortMessage, statusName } from "./runViews.js";

/** One node of a run: the graph's node joined with its node run, if it ran. */
export interface NodeRunView {
  readonly nodeId: string;
  readonly name: string | undefined;
  /** The node run's status name, or `notRun` when the run has no record of the node. */
  readonly status: string;
  readonly message?: string | undefined;
  readonly endTime?: string | undefined;
  /** The nodes it waits for. */
  readonly upstream: readonly string[];
}

/** A run explained: what failed first, then every node in dependency order. */
export interface RunExplanation {
  /** One sentence for a person. */
  readonly summary: string;
  readonly run: RunView | undefined;
  readonly flowName: string | undefined;
  /** The failed nodes, each with its message: where to look first. */
  readonly failedNodes: readonly NodeRunView[];
  /** Every node, upstream before downstream. */
  readonly nodes: readonly NodeRunView[];
}

/** The answers explainRun reads: the flow's graph, the run's node runs, and the run itself if it was found. */
export interface RunFacts {
  readonly graph: GetTaskFlowGraphOutput;
  readonly relation: GetTaskInstanceRelationOutput;
  readonly instance: DAGInstance | undefined;
  readonly instanceId: string;
}

const FAILED = InstanceStatus.failed;

/**
 * Joins a flow's graph (GetTaskFlowGraph) with a run's node runs (GetTaskInstanceRelation): each
 * node's state, the failed ones first with their messages, in dependency order. Node runs whose node
 * is not in the graph (the flow changed since) are kept, after the graph's nodes.
 */
export function explainRun(facts: RunFacts): RunExplanation {
  const graph = facts.graph.TaskFlowGraph;
  const edges = graph?.Edges?.Edge ?? [];
  const upstream = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.NodeFrom === undefined || edge.NodeEnd === undefined) continue;
    upstream.set(edge.NodeEnd, [...(upstream.get(edge.NodeEnd) ?? []), edge.NodeFrom]);
  }
  // A node may have run more than once in a run (a retried node): the newest record counts.
  const runs = new Map<string, NodeInstance>();
  for (const run of facts.relation.NodeList?.Node ?? []) {
    if (run.NodeId === undefined) continue;
    const seen = runs.get(run.NodeId);
    if (seen === undefined || BigInt(run.Id ?? "0") >= BigInt(seen.Id ?? "0")) runs.set(run.NodeId, run);
  }
  const names = new Map<string, string | undefined>();
  for (const node of graph?.Nodes?.Node ?? []) if (node.NodeId !== undefined) names.set(node.NodeId, node.NodeName);
  for (const [id, run] of runs) if (!names.has(id)) names.set(id, run.NodeName);

  const view = (nodeId: string): NodeRunView => {
    const run = runs.get(nodeId);
    return {
      nodeId,
      name: names.get(nodeId) ?? run?.NodeName,
      status: statusName(run?.Status) ?? "notRun",
      message: shortMessage(run?.Message),
      endTime: run?.EndTime,
      upstream: upstream.get(nodeId) ?? [],
    };
  };
  const nodes = dependencyOrder([...names.keys()], upstream).map(view);
  const failedIds = new Set([...runs.values()].filter((r) => r.Status === FAILED).map((r) => r.NodeId!));
  const failedNodes = nodes.filter((n) => failedIds.has(n.nodeId));
  const run = facts.instance === undefined ? undefined : runView(facts.instance);
  return { summary: summaryOf(facts.instanceId, run, failedNodes, nodes), run, flowName: graph?.DagName, failedNodes, nodes };
}

/** Kahn's order: a node after the nodes it waits for; ties and cycles keep the graph's order. */
function dependencyOrder(ids: readonly string[], upstream: ReadonlyMap<string, readonly string[]>): string[] {
  const known = new Set(ids);
  const placed = new Set<string>();
  const out: string[] = [];
  while (out.length < ids.length) {
    const ready = ids.find((id) => !placed.has(id) && (upstream.get(id) ?? []).every((u) => placed.has(u) || !known.has(u)));
    // A cycle (the API should not allow one) would stall the order: place the next node as listed.
    const next = ready ?? ids.find((id) => !placed.has(id))!;
    placed.add(next);
    out.push(next);
  }
  return out;
}

function summaryOf(id: string, run: RunView | undefined, failed: readonly NodeRunView[], nodes: readonly NodeRunView[]): string {
  const state = run === undefined ? "was not found in ListTaskFlowInstance" : `is ${run.status}`;
  if (failed.length > 0) {
    const first = failed[0]!;
    const more = failed.length > 1 ? ` (and ${failed.length - 1} more failed node${failed.length > 2 ? "s" : ""})` : "";
    return `Run ${id} ${state}; node ${first.name ?? first.nodeId} failed${first.message ? `: ${first.message}` : ""}${more}.`;
  }
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node.status, (counts.get(node.status) ?? 0) + 1);
  const tally = [...counts].map(([status, n]) => `${n} ${status}`).join(", ");
  return `Run ${id} ${state}; no node failed${tally ? ` (${tally})` : ""}.`;
}
