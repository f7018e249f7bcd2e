import type { Engine } from "../engine/engine.js";
import type { TaskFlow } from "../store/catalog.js";
import type { Store } from "../store/store.js";
import type { ActionRequest, BusinessFailure } from "./actionHandler.js";
import { taskFlowNotFound, tenantNotExist } from "./businessErrors.js";

/** What the engine-backed actions need: the store and the engine. */
export interface FlowActionDeps {
  readonly store: Store;
  readonly engine: Engine;
}

/** The request's flow in its tenant, or the business failure that says why there is none. */
export function requestedFlow(store: Store, request: ActionRequest): TaskFlow | BusinessFailure {
  const { values, tenant } = request;
  if (!tenant) return tenantNotExist();
  const dagId = values.DagId as string;
  return store.catalog.taskFlowOf(tenant.tid, dagId) ?? taskFlowNotFound(dagId, tenant);
}

/** Whether a flow lookup failed. */
export function isFailure(value: TaskFlow | BusinessFailure): value is BusinessFailure {
  return "ok" in value;
}
