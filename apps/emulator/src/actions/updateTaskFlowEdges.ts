import { isGatewayFailure } from "../gateway/gatewayError.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { edgeNotFound } from "./businessErrors.js";
import { onFlow } from "./definitionScope.js";
import { checkEdges } from "./edgeChecks.js";
import { readEdges } from "./edgeParameters.js";

/** UpdateTaskFlowEdges: gives existing edges (by Id) new ends; the resulting graph must stay valid and acyclic. */
export function updateTaskFlowEdges(store: Store): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow, { values }) => {
      const requested = readEdges(values);
      if (isGatewayFailure(requested)) return requested;
      const existing = store.edges.listOf(flow.dagId);
      const changes = new Map(requested.map((e) => [e.id!, e]));
      for (const id of changes.keys()) {
        if (!existing.some((e) => e.id === id)) return edgeNotFound(String(id), String(flow.dagId));
      }
      const after = existing.map((e) => {
        const change = changes.get(e.id);
        return change ? { id: e.id, from: change.from, end: change.end } : e;
      });
      const refused = checkEdges(flow.dagId, store.nodes.idsOf(flow.dagId), after);
      if (refused) return refused;
      store.edges.change(
        flow.dagId,
        after.filter((e) => changes.has(e.id)),
      );
      return success("UpdateTaskFlowEdges", {});
    }),
  };
}
