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
      const kept = existing.filter((e) => !changes.has(e.id));
      const changed = [...changes.values()].map((c) => ({ id: c.id!, from: c.from, end: c.end }));
      const refused = checkEdges(flow.dagId, (node) => store.nodes.has(flow.dagId, node), kept, changed);
      if (refused) return refused;
      store.edges.change(flow.dagId, changed);
      return success("UpdateTaskFlowEdges", {});
    }),
  };
}
