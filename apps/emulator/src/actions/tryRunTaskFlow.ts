import { InstanceTriggerType } from "@dmsflow/client";
import { type ActionHandler, success } from "./actionHandler.js";
import { type FlowActionDeps, isFailure, requestedFlow } from "./flowActionContext.js";

/**
 * TryRunTaskFlow: a manual run of the flow's current (editing) graph, frozen into the run at its start,
 * so later edits do not change it. DMS's terms page: the editing version is the one a trial run
 * executes. The instance's DagVersion is the flow's newest published version ("" before the first).
 */
export function tryRunTaskFlow({ store, engine }: FlowActionDeps): ActionHandler {
  return {
    writes: true,
    run(request) {
      const flow = requestedFlow(store, request);
      if (isFailure(flow)) return flow;
      const latest = engine.versions.latestVersion(flow.dagId);
      const id = engine.startRun(flow.dagId, engine.versions.currentGraph(flow.dagId), {
        triggerType: InstanceTriggerType.manual,
        dagVersion: latest === undefined ? "" : String(latest),
      });
      return success("TryRunTaskFlow", { InstanceId: String(id) });
    },
  };
}
