import type { InstanceStatus, TaskFlow, TaskFlowStatus } from "@dmsflow/client";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { tenantNotExist } from "./businessErrors.js";

/** ListTaskFlow: the task flows of the tenant, with the status and date of each one's newest instance. */
export function listTaskFlow(store: Store): ActionHandler {
  return {
    writes: false,
    run({ tenant }) {
      if (!tenant) return tenantNotExist();
      const items: TaskFlow[] = [];
      for (const flow of store.catalog.taskFlows.values()) {
        if (flow.tid !== tenant.tid) continue;
        const latest = store.instances.latestOf(flow.dagId);
        items.push({
          Id: String(flow.dagId),
          CreatorId: flow.creatorId,
          CreatorNickName: flow.creator,
          DagOwnerNickName: flow.owner,
          DeployId: flow.deployId === null ? undefined : String(flow.deployId),
          Status: flow.status as TaskFlowStatus,
          LatestInstanceStatus: latest && (latest.status as InstanceStatus),
          LatestInstanceTime: latest?.startTime ? latest.startTime.slice(0, 10) : undefined,
        });
      }
      return success("ListTaskFlow", { TaskFlowList: { TaskFlow: items } });
    },
  };
}
