import {
  type DAGInstance,
  type DmsTransport,
  getTaskInstanceRelation,
  InstanceStatus,
  type InstanceTriggerType,
  type NodeInstance,
} from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { findTaskFlowInstance, type TaskFlowInstanceRef } from "../taskFlowInstances/findTaskFlowInstance.js";
import { type FlowEdge, type FlowGraph, getFlowGraph, int64, nodeTypeName } from "./flowGraph.js";

/** One node of a run: the graph's node with its node run (status, times, message), if it ran. */
export interface TaskFlowRunNode {
  /** The node's id. */
  readonly nodeId: string;
  /** The node's name. */
  readonly name: string;
  /** The node type's name (e.g. NORMAL_SQL), or its code when undocumented. */
  readonly type: string | undefined;
  /** The ids of the nodes with an edge into this one. */
  readonly upstream: readonly string[];
  /** The node run's status (InstanceStatus), or undefined when the run has no record of the node. */
  readonly status: InstanceStatus | undefined;
  /** The node run's id. */
  readonly runId: string | undefined;
  /** The node run's business time. */
  readonly businessTime: string | undefined;
  /** When the node run ended. */
  readonly endTime: string | undefined;
  /** How long it ran (ExecuteTime, as a decimal string; the unit is not documented). */
  readonly executeTime: string | undefined;
  /** The node run's message (why it failed, for a failed node). */
  readonly message: string | undefined;
  /** False for a node run whose node is no longer in the flow's current graph (the run used an older version). */
  readonly inGraph: boolean;
}

/** A run (task-flow instance) with every node's state: what `dmsflow status` shows. */
export interface TaskFlowRun {
  /** The task flow's id. */
  readonly dagId: string;
  /** The task flow's name. */
  readonly dagName: string | undefined;
  /** The run's id (DagInstanceId). */
  readonly instanceId: string;
  /** The run's status, or undefined when ListTaskFlowInstance does not list it. */
  readonly status: InstanceStatus | undefined;
  /** How it was started. */
  readonly triggerType: InstanceTriggerType | undefined;
  /** The version of the task flow that ran. */
  readonly version: string | undefined;
  /** When it started. */
  readonly startTime: string | undefined;
  /** When it ended. */
  readonly endTime: string | undefined;
  /** Its business time. */
  readonly businessTime: string | undefined;
  /** The run's own message. */
  readonly message: string | undefined;
  /** Every node, in the graph's order, then node runs of nodes no longer in the graph. */
  readonly nodes: readonly TaskFlowRunNode[];
  /** The graph's edges. */
  readonly edges: readonly FlowEdge[];
  /** The failed nodes, in node order: where to look first. */
  readonly failedNodes: readonly TaskFlowRunNode[];
}

/**
 * Combines a flow's graph, the run's row (from ListTaskFlowInstance; undefined when not listed) and its
 * node runs (GetTaskInstanceRelation) into one view. A pure function: `watch` reads the graph once and
 * calls it after every poll.
 */
export function taskFlowRunOf(
  graph: FlowGraph,
  instanceId: string,
  instance: DAGInstance | undefined,
  nodeRuns: readonly NodeInstance[],
): TaskFlowRun {
  const runs = newestRunOfEachNode(nodeRuns);
  const inGraph = new Set(graph.nodes.map((n) => n.nodeId));
  const nodes: TaskFlowRunNode[] = graph.nodes.map((node) => ({ ...node, ...runFields(runs.get(node.nodeId)), inGraph: true }));
  // The API has no graph of an older version: node runs of removed nodes are kept, without edges.
  for (const [nodeId, run] of runs) {
    if (inGraph.has(nodeId)) continue;
    nodes.push({
      nodeId,
      name: run.NodeName ?? nodeId,
      type: nodeTypeName(run.NodeType),
      upstream: [],
      ...runFields(run),
      inGraph: false,
    });
  }
  return {
    dagId: graph.dagId,
    dagName: instance?.DagName ?? graph.name,
    instanceId,
    status: instance?.Status,
    triggerType: instance?.TriggerType,
    version: instance?.DagVersion,
    startTime: instance?.startTime,
    endTime: instance?.EndTime,
    businessTime: instance?.BusinessTime,
    message: instance?.Message,
    nodes,
    edges: graph.edges,
    failedNodes: nodes.filter((n) => n.status === InstanceStatus.failed),
  };
}

// A node can run more than once in a run (rerun after a failure): its newest record (highest Id) is its state.
function newestRunOfEachNode(nodeRuns: readonly NodeInstance[]): Map<string, NodeInstance> {
  const runs = new Map<string, NodeInstance>();
  for (const run of nodeRuns) {
    if (run.NodeId === undefined) continue;
    const seen = runs.get(run.NodeId);
    if (seen === undefined || BigInt(run.Id ?? "0") >= BigInt(seen.Id ?? "0")) runs.set(run.NodeId, run);
  }
  return runs;
}

function runFields(run: NodeInstance | undefined) {
  return {
    status: run?.Status,
    runId: run?.Id,
    businessTime: run?.BusinessTime,
    endTime: run?.EndTime,
    executeTime: run?.ExecuteTime,
    message: run?.Message,
  };
}

/**
 * Reads a run and every node's state: GetTaskFlowGraph, GetTaskInstanceRelation and the run's row
 * from ListTaskFlowInstance (findTaskFlowInstance), three or more calls made together. The graph is
 * the flow's current one (the API serves no older version's graph). Throws the API's
 * TaskFlowInstanceNotFound for an unknown instance.
 */
export async function describeTaskFlowRun(
  client: DmsTransport<DmsCallOptions>,
  ref: TaskFlowInstanceRef,
  options: DmsCallOptions = {},
): Promise<TaskFlowRun> {
  const dagId = int64("DagId", ref.DagId);
  const instanceId = int64("DagInstanceId", ref.DagInstanceId);
  const [graph, relation, instance] = await Promise.all([
    getFlowGraph(client, { DagId: dagId, Tid: ref.Tid }, options),
    getTaskInstanceRelation(client, { DagId: dagId, DagInstanceId: instanceId, Tid: ref.Tid }, options),
    findTaskFlowInstance(client, { DagId: dagId, DagInstanceId: instanceId, Tid: ref.Tid }, options),
  ]);
  return taskFlowRunOf(graph, instanceId, instance, relation.NodeList?.Node ?? []);
}
