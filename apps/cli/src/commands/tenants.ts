import type { CommandSpec } from "./commandSpec.js";

/** `dmsflow tenants`: the caller's tenants; their IDs are what `--tid` takes. */
export const tenants: CommandSpec = {
  name: "tenants",
  summary: "List your tenants (their IDs are --tid)",
  group: "Finding IDs",
  usage: ["dmsflow tenants"],
  description:
    "Lists the tenants your AccessKey may use (ListUserTenants) and marks the active one\n" +
    "(GetUserActiveTenant), which commands use when --tid is not given.",
  flags: [],
  examples: ["dmsflow tenants", "dmsflow tenants --output json"],
  load: async () => (await import("../handlers/tenants.js")).tenantsHandler,
};
