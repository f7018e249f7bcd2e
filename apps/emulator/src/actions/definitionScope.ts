import type { DecodedValue } from "@dmsflow/client";
import { type GatewayFailure, gatewayError } from "../gateway/gatewayError.js";
import type { TaskFlow, Tenant } from "../store/catalog.js";
import type { TaskNodeRecord } from "../store/nodeRepository.js";
import type { Store } from "../store/store.js";
import type { ActionRequest, ActionResult } from "./actionHandler.js";
import { taskFlowNotFound, taskNotFound, tenantNotExist } from "./businessErrors.js";

/** A request with the tenant it acts in resolved. */
export type TenantRequest = ActionRequest & { readonly tenant: Tenant };

const DECIMAL = /^\d{1,19}$/;

/** The run function of an operation on one flow: the tenant and the DagId are checked first. */
export function onFlow(
  store: Store,
  run: (flow: TaskFlow, request: TenantRequest) => ActionResult,
): (request: ActionRequest) => ActionResult {
  return (request) => {
    const { tenant, values } = request;
    if (!tenant) return tenantNotExist();
    const dagId = values.DagId as string;
    // Another tenant's flow does not exist in this one (the same answer as the instance operations).
    const flow = store.catalog.taskFlowOf(tenant.tid, dagId);
    if (!flow) return taskFlowNotFound(dagId, tenant);
    return run(flow, { ...request, tenant });
  };
}

/** The run function of an operation on one node (NodeId, a Long or a String on the wire). */
export function onNode(
  store: Store,
  run: (node: TaskNodeRecord, request: TenantRequest) => ActionResult,
): (request: ActionRequest) => ActionResult {
  return (request) => {
    const { tenant, values } = request;
    if (!tenant) return tenantNotExist();
    const nodeId = decimalId(values, "NodeId");
    if (typeof nodeId !== "bigint") return nodeId;
    const node = store.nodes.get(tenant.tid, nodeId);
    if (!node) return taskNotFound(String(nodeId), tenant);
    return run(node, { ...request, tenant });
  };
}

/** The run function of an operation that needs only the tenant. */
export function inTenant(run: (request: TenantRequest) => ActionResult): (request: ActionRequest) => ActionResult {
  return (request) => (request.tenant ? run({ ...request, tenant: request.tenant }) : tenantNotExist());
}

/**
 * An ID the spec types as a String on the wire for some operations (NodeId, ScenarioId): it must
 * still be a decimal int64, else the gateway's InvalidParameter.
 */
export function decimalId(values: Readonly<Record<string, DecodedValue>>, name: string): bigint | GatewayFailure {
  const text = String(values[name]).trim();
  if (DECIMAL.test(text)) {
    const id = BigInt(text);
    if (id > 0n && id < 2n ** 63n) return id;
  }
  return gatewayError("InvalidParameter", {
    parameter: name,
    detail: `It must be a positive decimal int64 ID (it was ${JSON.stringify(String(values[name]))}).`,
  });
}

/** An optional text parameter, or undefined. */
export function optionalText(values: Readonly<Record<string, DecodedValue>>, name: string): string | undefined {
  const value = values[name];
  return value === undefined ? undefined : String(value);
}
