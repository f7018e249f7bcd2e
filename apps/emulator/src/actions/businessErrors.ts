import type { Tenant } from "../store/catalog.js";
import { describeStatus } from "../store/instanceStatus.js";
import { type BusinessFailure, businessFailure } from "./actionHandler.js";

/** The business error codes the emulator answers with (HTTP 200, Success false); see the README. */
export const BusinessErrorCode = {
  TENANT_NOT_EXIST: "TenantNotExist",
  TASK_FLOW_NOT_FOUND: "TaskFlowNotFound",
  INSTANCE_NOT_FOUND: "TaskFlowInstanceNotFound",
  INVALID_STATUS: "InvalidStatus",
} as const;

/** The key has no tenant to act in (no Tid given and no active tenant). */
export function tenantNotExist(): BusinessFailure {
  return businessFailure(BusinessErrorCode.TENANT_NOT_EXIST, "The specified tenant does not exist.");
}

/** No task flow with this DagId in the tenant (another tenant's flow does not exist here either). */
export function taskFlowNotFound(dagId: string, tenant: Tenant): BusinessFailure {
  return businessFailure(
    BusinessErrorCode.TASK_FLOW_NOT_FOUND,
    `The task flow ${dagId} does not exist in tenant ${tenant.tid}; list the flows with ListTaskFlow.`,
  );
}

/** No instance with this Id in the task flow. */
export function instanceNotFound(dagId: string, instanceId: string): BusinessFailure {
  return businessFailure(
    BusinessErrorCode.INSTANCE_NOT_FOUND,
    `The task-flow instance ${instanceId} does not exist in task flow ${dagId}; list the instances with ListTaskFlowInstance.`,
  );
}

/** The instance is in a status the operation does not apply to. */
export function invalidStatus(instanceId: string, status: number, requirement: string): BusinessFailure {
  return businessFailure(
    BusinessErrorCode.INVALID_STATUS,
    `The task-flow instance ${instanceId} is ${describeStatus(status)}; ${requirement}.`,
  );
}
