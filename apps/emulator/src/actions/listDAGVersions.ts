import type { DagVersion } from "@dmsflow/client";
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
      const items = rows.map(
        (v): DagVersion => ({
          VersionId: String(v.version_id),
          LastVersionId: v.last_version_id === null ? undefined : String(v.last_version_id),
          DagName: flow.name,
          DagOwnerId: flow.ownerId,
          DagOwnerNickName: flow.owner,
          VersionComments: v.comments,
        }),
      );
      return success("ListDAGVersions", { TotalCount: total, DagVersionList: { DagVersion: items } });
    },
  };
}
