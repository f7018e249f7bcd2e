import {
  type DmsTransport,
  enumKeyOf,
  type GraphEdge,
  type GraphNode,
  getTaskFlowGraph,
  type Int64Input,
  NodeTypeCodes,
  toInt64String,
} from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { DmsValidationError } from "../errors/localErrors.js";

/** Which task flow to read. */
export interface TaskFlowRef {
  /** The task flow. */
  readonly DagId: Int64Input;
  /** The tenant, if not the active one. */
  readonly Tid?: Int64Input | undefined;
}

/** One node of a task-flow graph, ids as decimal strings. */
export interface FlowNode {
  /** The node's id (NodeId). */
  readonly nodeId: string;
  /** The node's name. */
  readonly name: string;
  /** The node type's name (NodeType, e.g. NORMAL_SQL) when its code is documented, else the code as the API gave it. */
  readonly type: string | undefined;
  /** The ids of the nodes with an edge into this one, in edge order. */
  readonly upstream: readonly string[];
}

/** One edge of a task-flow graph: `from` runs before `to`. */
export interface FlowEdge {
  /** The upstream node's id. */
  readonly from: string;
  /** The downstream node's id. */
  readonly to: string;
}

/** A task flow's graph as GetTaskFlowGraph has it now: nodes in the API's order, and edges. */
export interface FlowGraph {
  /** The task flow's id. */
  readonly dagId: string;
  /** Its name. */
  readonly name: string | undefined;
  /** Its nodes. */
  readonly nodes: readonly FlowNode[];
  /** Its edges. */
  readonly edges: readonly FlowEdge[];
}

/** Reads a task flow's graph with one GetTaskFlowGraph call. */
export async function getFlowGraph(
  client: DmsTransport<DmsCallOptions>,
  ref: TaskFlowRef,
  options: DmsCallOptions = {},
): Promise<FlowGraph> {
  const dagId = int64("DagId", ref.DagId);
  const { TaskFlowGraph: graph } = await getTaskFlowGraph(client, { DagId: dagId, Tid: ref.Tid }, options);
  return flowGraphOf(dagId, graph?.DagName, graph?.Nodes?.Node ?? [], graph?.Edges?.Edge ?? []);
}

/** A FlowGraph from the API's nodes and edges (edges whose ends are missing are dropped). */
export function flowGraphOf(
  dagId: string,
  name: string | undefined,
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
): FlowGraph {
  const ids = new Set(nodes.map((n) => n.NodeId).filter((id) => id !== undefined));
  const flowEdges = edges
    .filter((e) => e.NodeFrom !== undefined && e.NodeEnd !== undefined && ids.has(e.NodeFrom) && ids.has(e.NodeEnd))
    .map((e) => ({ from: e.NodeFrom!, to: e.NodeEnd! }));
  const flowNodes = nodes
    .filter((n) => n.NodeId !== undefined)
    .map((n) => ({
      nodeId: n.NodeId!,
      name: n.NodeName ?? n.NodeId!,
      type: nodeTypeName(n.NodeType),
      upstream: flowEdges.filter((e) => e.to === n.NodeId).map((e) => e.from),
    }));
  return { dagId, name, nodes: flowNodes, edges: flowEdges };
}

/** The NodeType name of a numeric code (the spec's documented codes), or the code itself. */
export function nodeTypeName(code: string | number | undefined): string | undefined {
  if (code === undefined) return undefined;
  return enumKeyOf(NodeTypeCodes as Record<string, number>, Number(code)) ?? String(code);
}

/** An int64 input as a decimal string, or a DmsValidationError naming the parameter. */
export function int64(parameter: string, value: Int64Input): string {
  const id = toInt64String(value);
  if (id === undefined) {
    throw new DmsValidationError(`${parameter} must be an int64 (a bigint, a decimal string, or a safe integer number).`, {
      parameter,
    });
  }
  return id;
}
