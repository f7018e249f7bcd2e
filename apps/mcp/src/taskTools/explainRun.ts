import type { TaskFlowRun, TaskFlowRunNode } from "@dmsflow/core";
import { type RunView, shortMessage, statusName } from "./runViews.js";

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

/**
 * An agent's view of core's node-level view (describeTaskFlowRun): status names, messages cut to
 * size, every node in dependency order, the failed nodes first and one summary sentence.
 */
export function explainRun(run: TaskFlowRun): RunExplanation {
  const upstream = new Map(run.nodes.map((n) => [n.nodeId, n.upstream]));
  const byId = new Map(run.nodes.map((n) => [n.nodeId, n]));
  const nodes = dependencyOrder([...byId.keys()], upstream).map((id) => nodeView(byId.get(id)!));
  const failedIds = new Set(run.failedNodes.map((n) => n.nodeId));
  const failedNodes = nodes.filter((n) => failedIds.has(n.nodeId));
  const view = run.status === undefined ? undefined : runViewOf(run);
  return { summary: summaryOf(run.instanceId, view, failedNodes, nodes), run: view, flowName: run.dagName, failedNodes, nodes };
}

/** An agent's view of one node of a run (also what wait_for_run answers for a node). */
export function nodeView(node: TaskFlowRunNode): NodeRunView {
  return {
    nodeId: node.nodeId,
    name: node.name,
    status: statusName(node.status) ?? "notRun",
    message: shortMessage(node.message),
    endTime: node.endTime,
    upstream: node.upstream,
  };
}

function runViewOf(run: TaskFlowRun): RunView {
  return {
    id: run.instanceId,
    dagId: run.dagId,
    status: statusName(run.status),
    dagVersion: run.version,
    businessTime: run.businessTime,
    startTime: run.startTime,
    endTime: run.endTime,
    message: shortMessage(run.message),
  };
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
