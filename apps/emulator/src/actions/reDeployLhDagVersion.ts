import { TaskFlowStatus } from "@dmsflow/client";
import { type ActionHandler, success } from "./actionHandler.js";
import { dagVersionNotFound, taskFlowNotPublished } from "./businessErrors.js";
import { type FlowActionDeps, isFailure, requestedFlow } from "./flowActionContext.js";

/** ReDeployLhDagVersion: deploys an earlier version (the newest when DagVersion is absent) and puts the flow online. */
export function reDeployLhDagVersion({ store, engine }: FlowActionDeps): ActionHandler {
  return {
    writes: true,
    run(request) {
      const flow = requestedFlow(store, request);
      if (isFailure(flow)) return flow;
      const given = request.values.DagVersion as string | undefined;
      const versionId = given === undefined ? engine.versions.latestVersion(flow.dagId) : BigInt(given);
      if (versionId === undefined) return taskFlowNotPublished(String(flow.dagId));
      if (!engine.versions.hasVersion(flow.dagId, versionId)) return dagVersionNotFound(String(flow.dagId), String(versionId));
      const deployId = engine.versions.deploy(flow.dagId, versionId);
      store.db
        .prepare("UPDATE task_flows SET status = ?, deploy_id = ? WHERE dag_id = ?")
        .run(TaskFlowStatus.scheduled, deployId, flow.dagId);
      store.refreshCatalog();
      engine.refreshSchedule(flow.dagId);
      return success("ReDeployLhDagVersion", { DeployId: String(deployId) });
    },
  };
}
