import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";

/** UpdateTaskFlowNotification: sets the three notification switches of a flow. */
export function updateTaskFlowNotification(store: Store): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow, { values }) => {
      store.flowSettings.setNotification(flow.dagId, {
        onFail: values.DagNotificationFail as boolean,
        onSla: values.DagNotificationSla as boolean,
        onSuccess: values.DagNotificationSuccess as boolean,
      });
      return success("UpdateTaskFlowNotification", {});
    }),
  };
}
