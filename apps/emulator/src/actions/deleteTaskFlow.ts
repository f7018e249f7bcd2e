import type { Engine } from "../engine/engine.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";

/** DeleteTaskFlow: removes the flow with its graph, versions, instances, node runs, schedule and settings. */
export function deleteTaskFlow(store: Store, engine: Engine): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow) => {
      store.taskFlows.delete(flow.dagId);
      // The flow's live runs and armed schedule leave the engine's memory too. A full reload (as after a
      // reset) inside the same write: deleting a flow is rare, and a failed commit reloads it again.
      engine.load();
      return success("DeleteTaskFlow", {});
    }),
  };
}
