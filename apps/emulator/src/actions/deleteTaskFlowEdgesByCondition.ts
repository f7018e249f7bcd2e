import { gatewayError } from "../gateway/gatewayError.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { edgeNotFound } from "./businessErrors.js";
import { onFlow } from "./definitionScope.js";
import { readEdgeCondition } from "./edgeParameters.js";

/**
 * DeleteTaskFlowEdgesByCondition: deletes the flow's edges that meet every given condition. At least
 * one condition is required (none would delete every edge; UpdateTaskFlowRelations does that on
 * purpose), and an Id that names no edge of the flow is EdgeNotFound.
 */
export function deleteTaskFlowEdgesByCondition(store: Store): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow, { values }) => {
      const condition = readEdgeCondition(values);
      if (Object.keys(condition).length === 0) {
        return gatewayError("MissingParameter", {
          parameter: "Id",
          detail:
            "Give Id, NodeFrom or NodeEnd: without a condition every edge would go (UpdateTaskFlowRelations without Edges does that).",
        });
      }
      if (condition.id !== undefined && store.edges.matching(flow.dagId, { id: condition.id }).length === 0) {
        return edgeNotFound(String(condition.id), String(flow.dagId));
      }
      store.edges.deleteMatching(flow.dagId, condition);
      return success("DeleteTaskFlowEdgesByCondition", {});
    }),
  };
}
