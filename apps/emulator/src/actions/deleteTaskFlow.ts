import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";

/** DeleteTaskFlow: removes the flow with its graph, versions, instances and settings. */
export function deleteTaskFlow(store: Store): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow) => {
      store.taskFlows.delete(flow.dagId);
      return success("DeleteTaskFlow", {});
    }),
  };
}
