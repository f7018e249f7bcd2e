import { getUserActiveTenant, listUserTenants } from "@dmsflow/client";
import { sanitize } from "../output/sanitize.js";
import type { CommandDefinition } from "./command.js";

/** `dmsflow tenants`: the caller's tenants; their IDs are what `--tid` takes. */
export const tenants: CommandDefinition = {
  usage: ["dmsflow tenants"],
  description:
    "Lists the tenants your AccessKey may use (ListUserTenants) and marks the active one\n" +
    "(GetUserActiveTenant), which commands use when --tid is not given.",
  options: [],
  examples: ["dmsflow tenants", "dmsflow tenants --output json"],
  async run(ctx) {
    const { out } = ctx;
    const client = await ctx.client();
    const options = { signal: ctx.io.signal };
    // One after the other: with --dry-run the first request is the one shown.
    const list = await listUserTenants(client, {}, options);
    const active = await getUserActiveTenant(client, {}, options);
    const activeTid = active.Tenant?.Tid;
    const tenantList = list.TenantList ?? [];
    if (out.format === "json") {
      out.json(tenantList.map((t) => ({ ...t, Active: t.Tid === activeTid })));
    } else if (out.format === "text") {
      for (const t of tenantList) out.textLine([t.Tid, t.TenantName, t.Status, t.Tid === activeTid ? "active" : ""]);
    } else if (tenantList.length === 0) {
      out.write("This AccessKey has no tenants.\n");
    } else {
      out.table(
        [{ header: "TID" }, { header: "NAME" }, { header: "STATUS" }, { header: "ACTIVE" }],
        tenantList.map((t) => [
          t.Tid ?? "",
          sanitize(t.TenantName ?? ""),
          sanitize(t.Status ?? ""),
          t.Tid === activeTid ? out.palette.green("*") : "",
        ]),
      );
    }
    return 0;
  },
};
