import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { tenantJson } from "./tenantJson.js";

/** ListUserTenants: every tenant the key may use, as a bare array. */
export function listUserTenants(store: Store): ActionHandler {
  return {
    writes: false,
    run({ accessKey }) {
      const items: string[] = [];
      for (const tid of accessKey.tenants) {
        const tenant = store.catalog.tenants.get(tid);
        if (tenant) items.push(tenantJson(tenant, accessKey));
      }
      return success(`"TenantList":[${items.join(",")}]`);
    },
  };
}
