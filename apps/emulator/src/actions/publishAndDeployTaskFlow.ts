import { TaskFlowStatus } from "@dmsflow/client";
import { nodesOnCycles } from "../engine/versionRepository.js";
import { type ActionHandler, businessFailure, success } from "./actionHandler.js";
import { type FlowActionDeps, isFailure, requestedFlow } from "./flowActionContext.js";

/** PublishAndDeployTaskFlow: freezes the current graph as a new version, deploys it and puts the flow online. */
export function publishAndDeployTaskFlow({ store, engine }: FlowActionDeps): ActionHandler {
  return {
    writes: true,
    run(request) {
      const flow = requestedFlow(store, request);
      if (isFailure(flow)) return flow;
      const cycle = nodesOnCycles(engine.versions.currentGraph(flow.dagId));
      if (cycle.length > 0) {
        return businessFailure(
          "InvalidEdge",
          `The task flow ${flow.dagId} cannot be published: nodes ${cycle.join(", ")} are on a cycle, so a run would never finish; remove an edge of the cycle first.`,
        );
      }
      const versionId = engine.versions.publish(flow.dagId, (request.values.VersionComments as string | undefined) ?? "");
      const deployId = engine.versions.deploy(flow.dagId, versionId);
      store.db
        .prepare("UPDATE task_flows SET status = ?, deploy_id = ? WHERE dag_id = ?")
        .run(TaskFlowStatus.scheduled, deployId, flow.dagId);
      store.refreshCatalog();
      engine.refreshSchedule(flow.dagId);
      return success("PublishAndDeployTaskFlow", { DeployId: String(deployId) });
    },
  };
}
