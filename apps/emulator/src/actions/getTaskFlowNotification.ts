import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";

/** GetTaskFlowNotification: which run outcomes notify (all off until set). */
export function getTaskFlowNotification(store: Store): ActionHandler {
  return {
    writes: false,
    run: onFlow(store, (flow) => {
      const n = store.flowSettings.notification(flow.dagId);
      return success("GetTaskFlowNotification", {
        Notification: { DagNotificationFail: n.onFail, DagNotificationSla: n.onSla, DagNotificationSuccess: n.onSuccess },
      });
    }),
  };
}
