import { gatewayError } from "../gateway/gatewayError.js";
import type { NamedValue } from "../store/flowSettingsRepository.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";

/** UpdateTaskFlowConstants: replaces a flow's constants; each needs a Key, keys are distinct, a missing Value is empty. */
export function updateTaskFlowConstants(store: Store): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow, { values }) => {
      const given = values.DagConstants as { Key?: string; Value?: string }[];
      const constants: NamedValue[] = [];
      for (const [i, c] of given.entries()) {
        if (!c.Key) {
          return gatewayError("InvalidParameter", { parameter: "DagConstants", detail: `Constant number ${i + 1} has no Key.` });
        }
        if (constants.some((k) => k.name === c.Key)) {
          return gatewayError("InvalidParameter", {
            parameter: "DagConstants",
            detail: `It sets the Key ${JSON.stringify(c.Key)} twice.`,
          });
        }
        constants.push({ name: c.Key, value: c.Value ?? "" });
      }
      store.flowSettings.setConstants(flow.dagId, constants);
      return success("UpdateTaskFlowConstants", {});
    }),
  };
}
