import { TaskFlowStatus } from "@dmsflow/client";
import { type ActionHandler, success } from "./actionHandler.js";
import { taskFlowNotPublished } from "./businessErrors.js";
import { type FlowActionDeps, isFailure, requestedFlow } from "./flowActionContext.js";

/** OfflineTaskFlow: the flow stops being scheduled; runs already started go on. */
export function offlineTaskFlow({ store, engine }: FlowActionDeps): ActionHandler {
  return {
    writes: true,
    run(request) {
      const flow = requestedFlow(store, request);
      if (isFailure(flow)) return flow;
      if (!engine.versions.offline(flow.dagId)) return taskFlowNotPublished(String(flow.dagId));
      store.db.prepare("UPDATE task_flows SET status = ? WHERE dag_id = ?").run(TaskFlowStatus.unscheduled, flow.dagId);
      store.refreshCatalog();
      engine.refreshSchedule(flow.dagId);
      return success("OfflineTaskFlow", {});
    },
  };
}
