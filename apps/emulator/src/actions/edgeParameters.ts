import type { DecodedValue } from "@dmsflow/client";
import { type GatewayFailure, gatewayError } from "../gateway/gatewayError.js";
import type { EdgeCondition } from "../store/edgeRepository.js";

/** An edge as a request's Edges JSON gives it (int64 values as decimal text, each member optional). */
export interface EdgeInput {
  readonly Id?: string;
  readonly NodeFrom?: string;
  readonly NodeEnd?: string;
}

/** One edge of a request, with its ends required and its Id when it names an existing edge. */
export interface RequestedEdge {
  readonly id: bigint | undefined;
  readonly from: bigint;
  readonly end: bigint;
}

/**
 * Reads the Edges parameter: every edge needs NodeFrom and NodeEnd, and no Id may appear twice.
 * (For AddTaskFlowEdges and UpdateTaskFlowEdges the spec already requires the members; for
 * UpdateTaskFlowRelations it does not, so the check is here.)
 */
export function readEdges(values: Readonly<Record<string, DecodedValue>>): RequestedEdge[] | GatewayFailure {
  const list = (values.Edges as EdgeInput[] | undefined) ?? [];
  const ids = new Set<string>();
  const out: RequestedEdge[] = [];
  for (const [i, edge] of list.entries()) {
    if (edge.NodeFrom === undefined || edge.NodeEnd === undefined) {
      return gatewayError("InvalidParameter", {
        parameter: "Edges",
        detail: `Edge number ${i + 1} needs both NodeFrom and NodeEnd.`,
      });
    }
    if (edge.Id !== undefined) {
      if (ids.has(edge.Id))
        return gatewayError("InvalidParameter", { parameter: "Edges", detail: `It names edge ${edge.Id} twice.` });
      ids.add(edge.Id);
    }
    out.push({ id: edge.Id === undefined ? undefined : BigInt(edge.Id), from: BigInt(edge.NodeFrom), end: BigInt(edge.NodeEnd) });
  }
  return out;
}

/** The Id, NodeFrom and NodeEnd conditions of the ...EdgesByCondition operations. */
export function readEdgeCondition(values: Readonly<Record<string, DecodedValue>>): EdgeCondition {
  const condition: { id?: bigint; from?: bigint; end?: bigint } = {};
  if (values.Id !== undefined) condition.id = BigInt(values.Id as string);
  if (values.NodeFrom !== undefined) condition.from = BigInt(values.NodeFrom as string);
  if (values.NodeEnd !== undefined) condition.end = BigInt(values.NodeEnd as string);
  return condition;
}
