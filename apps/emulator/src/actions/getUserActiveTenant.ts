import { type ActionHandler, success } from "./actionHandler.js";
import { tenantNotExist } from "./businessErrors.js";
import { tenantReply } from "./tenantJson.js";

/** GetUserActiveTenant: the tenant the request acts in (its Tid, else the key's active tenant). */
export function getUserActiveTenant(): ActionHandler {
  return {
    writes: false,
    run({ tenant, accessKey }) {
      if (!tenant) return tenantNotExist();
      return success("GetUserActiveTenant", { Tenant: tenantReply(tenant, accessKey) });
    },
  };
}
