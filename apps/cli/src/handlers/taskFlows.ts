import { listTaskFlow, type TaskFlow } from "@dmsflow/client";
import type { CommandHandler } from "../commands/commandSpec.js";
import type { ListResult } from "../output/commandResult.js";
import { sanitize } from "../output/sanitize.js";
import { statusCell } from "../output/statusCell.js";
import { statusName, taskFlowStatusName } from "../statusNames.js";

/** `dmsflow task-flows`: the task flows of a tenant. */
export const taskFlowsHandler: CommandHandler = {
  async run(ctx): Promise<ListResult<TaskFlow>> {
    const tid = ctx.flags.string("tid");
    const client = await ctx.client();
    const output = await listTaskFlow(client, tid ? { Tid: tid } : {}, { signal: ctx.io.signal });
    return {
      kind: "list",
      items: output.TaskFlowList?.TaskFlow ?? [],
      text: (f) => [
        f.Id,
        taskFlowStatusName(f.Status),
        statusName(f.LatestInstanceStatus),
        f.LatestInstanceTime,
        f.DagOwnerNickName,
        f.CreatorNickName,
      ],
      columns: [
        { header: "DAG ID" },
        { header: "SCHEDULING" },
        { header: "LATEST RUN" },
        { header: "LATEST RUN TIME" },
        { header: "OWNER" },
        { header: "CREATOR" },
      ],
      row: (f, palette) => [
        f.Id ?? "",
        taskFlowStatusName(f.Status),
        statusCell(f.LatestInstanceStatus, palette),
        sanitize(f.LatestInstanceTime ?? ""),
        sanitize(f.DagOwnerNickName ?? ""),
        sanitize(f.CreatorNickName ?? ""),
      ],
      empty: "No task flows in this tenant.\n",
    };
  },
};
