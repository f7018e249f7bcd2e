import type { Tenant as TenantReply } from "@dmsflow/client";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { tenantReply } from "./tenantJson.js";

/** ListUserTenants: every tenant the key may use, as a bare array. */
export function listUserTenants(store: Store): ActionHandler {
  return {
    writes: false,
    run({ accessKey }) {
      const items: TenantReply[] = [];
      for (const tid of accessKey.tenants) {
        const tenant = store.catalog.tenants.get(tid);
        if (tenant) items.push(tenantReply(tenant, accessKey));
      }
      return success("ListUserTenants", { TenantList: items });
    },
  };
}
