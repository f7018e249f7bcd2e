import type { InstanceStatus, NodeInstance } from "@dmsflow/client";
import { type ActionHandler, success } from "./actionHandler.js";
import { instanceNotFound } from "./businessErrors.js";
import { type FlowActionDeps, isFailure, requestedFlow } from "./flowActionContext.js";

/**
 * GetTaskInstanceRelation: the node runs of an instance: status, business time, end time, how long it
 * ran (ExecuteTime in ms, up to now while it runs) and its message. A seeded instance that never ran
 * here has none.
 */
export function getTaskInstanceRelation({ store, engine }: FlowActionDeps): ActionHandler {
  return {
    writes: false,
    run(request) {
      const flow = requestedFlow(store, request);
      if (isFailure(flow)) return flow;
      const instanceId = request.values.DagInstanceId as string;
      if (store.instances.status(flow.dagId, BigInt(instanceId)) === undefined) {
        return instanceNotFound(String(flow.dagId), instanceId);
      }
      const now = engine.now();
      const nodes = engine.nodeRuns.nodesOf(BigInt(instanceId)).map((row): NodeInstance => {
        const end = row.end_ms ?? (row.start_ms === null ? null : BigInt(now));
        return {
          Id: String(row.id),
          NodeId: String(row.node_id),
          NodeName: row.name,
          NodeType: Number(row.node_type),
          Status: Number(row.status) as InstanceStatus,
          BusinessTime: row.business_time ?? undefined,
          EndTime: row.end_time ?? undefined,
          ExecuteTime: row.start_ms === null || end === null ? undefined : String(end - row.start_ms),
          Message: row.message,
        };
      });
      return success("GetTaskInstanceRelation", { NodeList: { Node: nodes } });
    },
  };
}
