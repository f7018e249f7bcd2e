import { int64OrUndefined, member, object, str } from "../json/jsonText.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { tenantNotExist } from "./businessErrors.js";

/** ListTaskFlow: the task flows of the tenant, with the status and date of each one's newest instance. */
export function listTaskFlow(store: Store): ActionHandler {
  return {
    writes: false,
    run({ tenant }) {
      if (!tenant) return tenantNotExist();
      const items: string[] = [];
      for (const flow of store.catalog.taskFlows.values()) {
        if (flow.tid !== tenant.tid) continue;
        const latest = store.instances.latestOf(flow.dagId);
        items.push(
          object([
            member("Id", String(flow.dagId)),
            member("CreatorId", str(flow.creatorId)),
            member("CreatorNickName", str(flow.creator)),
            member("DagOwnerNickName", str(flow.owner)),
            member("DeployId", int64OrUndefined(flow.deployId)),
            member("Status", String(flow.status)),
            member("LatestInstanceStatus", latest && String(latest.status)),
            member("LatestInstanceTime", latest?.startTime ? str(latest.startTime.slice(0, 10)) : undefined),
          ]),
        );
      }
      return success(`"TaskFlowList":{"TaskFlow":[${items.join(",")}]}`);
    },
  };
}
