import type { Tenant as TenantReply } from "@dmsflow/client";
import type { AccessKey, Tenant } from "../store/catalog.js";

/** A Tenant as the API answers it; Status says whether it is the key's active tenant (ACTIVE or IN_ACTIVE). */
export function tenantReply(tenant: Tenant, key: AccessKey): TenantReply {
  return { Tid: tenant.tid, TenantName: tenant.name, Status: tenant.tid === key.activeTenant ? "ACTIVE" : "IN_ACTIVE" };
}
