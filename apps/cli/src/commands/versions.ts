import type { DagVersion } from "@dmsflow/client";
import { listDAGVersions } from "@dmsflow/client";
import { sanitize } from "../output/sanitize.js";
import { truncate } from "../output/statusCell.js";
import type { CommandDefinition } from "./command.js";
import { DAG_ID, dagIdOf, TID, tidOf } from "./flags.js";

const PAGE_SIZE = 100;

/** `dmsflow versions`: the published versions of a task flow, for `--dag-version`. */
export const versions: CommandDefinition = {
  usage: ["dmsflow versions --dag-id <id> [--tid <tid>]"],
  description:
    "Lists the published versions of a task flow (ListDAGVersions, every page): version ID, the\n" +
    "version before it, name, owner and comments. A version ID is what --dag-version takes.",
  options: [DAG_ID, TID],
  examples: ["dmsflow versions --dag-id 11", "dmsflow versions --dag-id 11 --output json"],
  async run(ctx) {
    const { out } = ctx;
    const dagId = dagIdOf(ctx.args, "versions");
    const tid = tidOf(ctx.args);
    const client = await ctx.client();
    const all: DagVersion[] = [];
    for (let page = 1; ; page++) {
      const output = await listDAGVersions(
        client,
        { DagId: dagId, PageIndex: page, PageSize: PAGE_SIZE, ...(tid ? { Tid: tid } : {}) },
        { signal: ctx.io.signal },
      );
      const items = output.DagVersionList?.DagVersion ?? [];
      all.push(...items);
      // TotalCount when the API sends it; otherwise a short page is the last one.
      const total = output.TotalCount;
      if (items.length === 0 || items.length < PAGE_SIZE || (total !== undefined && all.length >= total)) break;
    }
    if (out.format === "json") {
      out.json(all);
    } else if (out.format === "text") {
      for (const v of all) out.textLine([v.VersionId, v.LastVersionId, v.DagName, v.DagOwnerNickName, v.VersionComments]);
    } else if (all.length === 0) {
      out.write(`Task flow ${dagId} has no published versions.\n`);
    } else {
      out.table(
        [{ header: "VERSION ID" }, { header: "PREVIOUS" }, { header: "NAME" }, { header: "OWNER" }, { header: "COMMENTS" }],
        all.map((v) => [
          v.VersionId ?? "",
          v.LastVersionId ?? "",
          sanitize(v.DagName ?? ""),
          sanitize(v.DagOwnerNickName ?? ""),
          truncate(sanitize(v.VersionComments ?? ""), 60),
        ]),
      );
    }
    return 0;
  },
};
