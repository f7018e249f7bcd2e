import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";

/** ListTaskFlowConstants: a flow's constants, in the order they were set. */
export function listTaskFlowConstants(store: Store): ActionHandler {
  return {
    writes: false,
    run: onFlow(store, (flow) =>
      success("ListTaskFlowConstants", {
        DagConstants: { DagConstant: store.flowSettings.constants(flow.dagId).map((c) => ({ Key: c.name, Value: c.value })) },
      }),
    ),
  };
}
