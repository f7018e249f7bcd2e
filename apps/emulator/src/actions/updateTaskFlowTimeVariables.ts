import { isGatewayFailure } from "../gateway/gatewayError.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";
import { parseTimeVariables } from "./timeVariables.js";

/** UpdateTaskFlowTimeVariables: replaces a flow's time variables, given as `{"variables":[{"name","pattern"}]}`. */
export function updateTaskFlowTimeVariables(store: Store): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow, { values }) => {
      const variables = parseTimeVariables(values.TimeVariables as string, "TimeVariables");
      if (isGatewayFailure(variables)) return variables;
      store.flowSettings.setTimeVariables(flow.dagId, variables);
      return success("UpdateTaskFlowTimeVariables", {});
    }),
  };
}
