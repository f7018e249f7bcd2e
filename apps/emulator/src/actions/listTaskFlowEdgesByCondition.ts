import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";
import { readEdgeCondition } from "./edgeParameters.js";

/** ListTaskFlowEdgesByCondition: the flow's edges that meet every given condition (all of them without one). */
export function listTaskFlowEdgesByCondition(store: Store): ActionHandler {
  return {
    writes: false,
    run: onFlow(store, (flow, { values }) => {
      const edges = store.edges.matching(flow.dagId, readEdgeCondition(values));
      return success("ListTaskFlowEdgesByCondition", {
        Edges: { Edge: edges.map((e) => ({ Id: String(e.id), NodeFrom: String(e.from), NodeEnd: String(e.end) })) },
      });
    }),
  };
}
