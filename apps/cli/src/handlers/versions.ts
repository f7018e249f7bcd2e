import { type DagVersion, listDAGVersions } from "@dmsflow/client";
import type { CommandHandler } from "../commands/commandSpec.js";
import type { ListResult } from "../output/commandResult.js";
import { sanitize } from "../output/sanitize.js";
import { truncate } from "../output/statusCell.js";

const PAGE_SIZE = 100;

/** `dmsflow versions`: the published versions of a task flow, every page. */
export const versionsHandler: CommandHandler = {
  async run(ctx): Promise<ListResult<DagVersion>> {
    const dagId = ctx.flags.requiredString("dag-id");
    const tid = ctx.flags.string("tid");
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
    return {
      kind: "list",
      items: all,
      text: (v) => [v.VersionId, v.LastVersionId, v.DagName, v.DagOwnerNickName, v.VersionComments],
      columns: [
        { header: "VERSION ID" },
        { header: "PREVIOUS" },
        { header: "NAME" },
        { header: "OWNER" },
        { header: "COMMENTS" },
      ],
      row: (v) => [
        v.VersionId ?? "",
        v.LastVersionId ?? "",
        sanitize(v.DagName ?? ""),
        sanitize(v.DagOwnerNickName ?? ""),
        truncate(sanitize(v.VersionComments ?? ""), 60),
      ],
      empty: `Task flow ${dagId} has no published versions.\n`,
    };
  },
};
