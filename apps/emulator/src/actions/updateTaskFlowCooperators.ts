import { gatewayError } from "../gateway/gatewayError.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";

/** UpdateTaskFlowCooperators: replaces a flow's cooperators (omitted: none); a user listed twice counts once. */
export function updateTaskFlowCooperators(store: Store): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow, { values }) => {
      const ids = ((values.CooperatorIds as string[] | undefined) ?? []).map((id) => id.trim());
      if (ids.some((id) => id === "")) {
        return gatewayError("InvalidParameter", { parameter: "CooperatorIds", detail: "It holds an empty user ID." });
      }
      store.flowSettings.setCooperators(flow.dagId, [...new Set(ids)]);
      return success("UpdateTaskFlowCooperators", {});
    }),
  };
}
