import { int64OrUndefined, member, object, str } from "../json/jsonText.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { taskFlowNotFound, tenantNotExist } from "./businessErrors.js";
import { readPage } from "./readPage.js";

/** ListDAGVersions: a flow's published versions, newest first, one page at a time. */
export function listDAGVersions(store: Store): ActionHandler {
  return {
    writes: false,
    run({ values, tenant }) {
      const page = readPage(values);
      if (!tenant) return tenantNotExist();
      const dagId = values.DagId as string;
      const flow = store.catalog.taskFlowOf(tenant.tid, dagId);
      if (!flow) return taskFlowNotFound(dagId, tenant);
      const { total, rows } = store.flows.versions(flow.dagId, page.limit, page.offset);
      const items = rows.map((v) =>
        object([
          member("VersionId", String(v.version_id)),
          member("LastVersionId", int64OrUndefined(v.last_version_id)),
          member("DagName", str(flow.name)),
          member("DagOwnerId", str(flow.ownerId)),
          member("DagOwnerNickName", str(flow.owner)),
          member("VersionComments", str(v.comments)),
        ]),
      );
      return success(`"TotalCount":${total},"DagVersionList":{"DagVersion":[${items.join(",")}]}`);
    },
  };
}
