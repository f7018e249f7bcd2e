import { isGatewayFailure } from "../gateway/gatewayError.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { edgeNotFound } from "./businessErrors.js";
import { onFlow } from "./definitionScope.js";
import { checkEdges } from "./edgeChecks.js";
import { readEdges } from "./edgeParameters.js";

/**
 * UpdateTaskFlowRelations: replaces the whole set of edges. An edge with the Id of an existing edge
 * keeps that Id; an edge without Id gets a new one; omitted Edges leaves the flow with none.
 */
export function updateTaskFlowRelations(store: Store): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow, { values }) => {
      const requested = readEdges(values);
      if (isGatewayFailure(requested)) return requested;
      const existing = new Set(store.edges.listOf(flow.dagId).map((e) => e.id));
      const unknown = requested.find((e) => e.id !== undefined && !existing.has(e.id));
      if (unknown) return edgeNotFound(String(unknown.id), String(flow.dagId));
      const planned = requested.map((e) => ({ id: e.id ?? 0n, from: e.from, end: e.end }));
      const refused = checkEdges(flow.dagId, (node) => store.nodes.has(flow.dagId, node), [], planned);
      if (refused) return refused;
      store.edges.replace(
        flow.dagId,
        planned.map((e) => (e.id === 0n ? { ...e, id: store.ids.next() } : e)),
      );
      return success("UpdateTaskFlowRelations", {});
    }),
  };
}
