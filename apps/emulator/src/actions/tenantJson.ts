import { member, object, str } from "../json/jsonText.js";
import type { AccessKey, Tenant } from "../store/catalog.js";

/** A Tenant as the API prints it; Status says whether it is the key's active tenant (ACTIVE or IN_ACTIVE). */
export function tenantJson(tenant: Tenant, key: AccessKey): string {
  return object([
    member("Tid", tenant.tid),
    member("TenantName", str(tenant.name)),
    member("Status", str(tenant.tid === key.activeTenant ? "ACTIVE" : "IN_ACTIVE")),
  ]);
}
