import { getUserActiveTenant, listUserTenants, type Tenant } from "@dmsflow/client";
import type { CommandHandler } from "../commands/commandSpec.js";
import type { ListResult } from "../output/commandResult.js";
import { sanitize } from "../output/sanitize.js";

/** `dmsflow tenants`: the caller's tenants, the active one marked. */
export const tenantsHandler: CommandHandler = {
  async run(ctx): Promise<ListResult<Tenant>> {
    const client = await ctx.client();
    const options = { signal: ctx.io.signal };
    // One after the other: with --dry-run the first request is the one shown.
    const list = await listUserTenants(client, {}, options);
    const active = await getUserActiveTenant(client, {}, options);
    const activeTid = active.Tenant?.Tid;
    return {
      kind: "list",
      items: list.TenantList ?? [],
      json: (t) => ({ ...t, Active: t.Tid === activeTid }),
      text: (t) => [t.Tid, t.TenantName, t.Status, t.Tid === activeTid ? "active" : ""],
      columns: [{ header: "TID" }, { header: "NAME" }, { header: "STATUS" }, { header: "ACTIVE" }],
      row: (t, palette) => [
        t.Tid ?? "",
        sanitize(t.TenantName ?? ""),
        sanitize(t.Status ?? ""),
        t.Tid === activeTid ? palette.green("*") : "",
      ],
      empty: "This AccessKey has no tenants.\n",
    };
  },
};
