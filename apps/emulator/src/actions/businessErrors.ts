import { errorCodes } from "@dmsflow/client";
import type { Tenant } from "../store/catalog.js";
import { describeStatus } from "../store/instanceStatus.js";
import { type BusinessFailure, businessFailure } from "./actionHandler.js";

// Codes and message templates come from the spec's error-code table (errorCodes in @dmsflow/client).

/** Fills a message template's `{name}` placeholders. */
function fill(template: string, fields: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => fields[name] ?? whole);
}

/** The key has no tenant to act in (no Tid given and no active tenant). */
export function tenantNotExist(): BusinessFailure {
  return businessFailure("TenantNotExist", errorCodes.TenantNotExist.message);
}

/** No task flow with this DagId in the tenant (another tenant's flow does not exist here either). */
export function taskFlowNotFound(dagId: string, tenant: Tenant): BusinessFailure {
  return businessFailure("TaskFlowNotFound", fill(errorCodes.TaskFlowNotFound.message, { dagId, tid: tenant.tid }));
}

/** No instance with this Id in the task flow. */
export function instanceNotFound(dagId: string, instanceId: string): BusinessFailure {
  return businessFailure("TaskFlowInstanceNotFound", fill(errorCodes.TaskFlowInstanceNotFound.message, { dagId, instanceId }));
}

/** The instance is in a status the operation does not apply to. */
export function invalidStatus(instanceId: string, status: number, requirement: string): BusinessFailure {
  return businessFailure(
    "InvalidStatus",
    fill(errorCodes.InvalidStatus.message, { instanceId, status: describeStatus(status), requirement }),
  );
}

/** The flow has no published version to run or deploy. */
export function taskFlowNotPublished(dagId: string): BusinessFailure {
  return businessFailure("TaskFlowNotPublished", fill(errorCodes.TaskFlowNotPublished.message, { dagId }));
}

/** No version with this id in the flow. */
export function dagVersionNotFound(dagId: string, dagVersion: string): BusinessFailure {
  return businessFailure("DagVersionNotFound", fill(errorCodes.DagVersionNotFound.message, { dagId, dagVersion }));
}

/** No task node with this NodeId in the tenant's flows. */
export function taskNotFound(nodeId: string, tenant: Tenant): BusinessFailure {
  return businessFailure("TaskNotFound", fill(errorCodes.TaskNotFound.message, { nodeId, tid: tenant.tid }));
}

/** No business scenario with this ScenarioId in the tenant. */
export function scenarioNotFound(scenarioId: string, tenant: Tenant): BusinessFailure {
  return businessFailure("ScenarioNotFound", fill(errorCodes.ScenarioNotFound.message, { scenarioId, tid: tenant.tid }));
}

/** No edge with this Id in the task flow. */
export function edgeNotFound(edgeId: string, dagId: string): BusinessFailure {
  return businessFailure("EdgeNotFound", fill(errorCodes.EdgeNotFound.message, { edgeId, dagId }));
}

/** An edge that names a node outside the flow, joins a node to itself, repeats an edge or closes a cycle. */
export function invalidEdge(nodeFrom: string, nodeEnd: string, dagId: string, reason: string): BusinessFailure {
  return businessFailure("InvalidEdge", fill(errorCodes.InvalidEdge.message, { nodeFrom, nodeEnd, dagId, reason }));
}

/** Another task flow (or scenario) of the tenant already has this name. */
export function duplicateName(name: string, kind: "task flow" | "business scenario", tenant: Tenant): BusinessFailure {
  return businessFailure("DuplicateName", fill(errorCodes.DuplicateName.message, { name, kind, tid: tenant.tid }));
}
