import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";

/** ListTaskFlowTimeVariables: a flow's time variables (name and date pattern). */
export function listTaskFlowTimeVariables(store: Store): ActionHandler {
  return {
    writes: false,
    run: onFlow(store, (flow) =>
      success("ListTaskFlowTimeVariables", {
        TimeVariables: {
          TimeVariable: store.flowSettings.timeVariables(flow.dagId).map((v) => ({ Name: v.name, Pattern: v.value })),
        },
      }),
    ),
  };
}
