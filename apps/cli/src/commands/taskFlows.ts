import { listTaskFlow } from "@dmsflow/client";
import { sanitize } from "../output/sanitize.js";
import { statusCell } from "../output/statusCell.js";
import { statusName, taskFlowStatusName } from "../statusNames.js";
import type { CommandDefinition } from "./command.js";
import { TID, tidOf } from "./flags.js";

const flowStatus = taskFlowStatusName;

/** `dmsflow task-flows`: the task flows of a tenant; their IDs are what `--dag-id` takes. */
export const taskFlows: CommandDefinition = {
  usage: ["dmsflow task-flows [--tid <tid>]"],
  description:
    "Lists the task flows of your active tenant, or of --tid (ListTaskFlow): ID (the --dag-id of the\n" +
    "other commands), scheduling status (invalid, unscheduled, scheduled), the status and time of the\n" +
    "latest instance, owner and creator.",
  options: [TID],
  examples: ["dmsflow task-flows", "dmsflow task-flows --tid 3 --output json"],
  async run(ctx) {
    const { out } = ctx;
    const tid = tidOf(ctx.args);
    const client = await ctx.client();
    const output = await listTaskFlow(client, tid ? { Tid: tid } : {}, { signal: ctx.io.signal });
    const flows = output.TaskFlowList?.TaskFlow ?? [];
    if (out.format === "json") {
      out.json(flows);
    } else if (out.format === "text") {
      for (const f of flows) {
        out.textLine([
          f.Id,
          flowStatus(f.Status),
          statusName(f.LatestInstanceStatus),
          f.LatestInstanceTime,
          f.DagOwnerNickName,
          f.CreatorNickName,
        ]);
      }
    } else if (flows.length === 0) {
      out.write("No task flows in this tenant.\n");
    } else {
      out.table(
        [
          { header: "DAG ID" },
          { header: "SCHEDULING" },
          { header: "LATEST RUN" },
          { header: "LATEST RUN TIME" },
          { header: "OWNER" },
          { header: "CREATOR" },
        ],
        flows.map((f) => [
          f.Id ?? "",
          flowStatus(f.Status),
          statusCell(f.LatestInstanceStatus, out.palette),
          sanitize(f.LatestInstanceTime ?? ""),
          sanitize(f.DagOwnerNickName ?? ""),
          sanitize(f.CreatorNickName ?? ""),
        ]),
      );
    }
    return 0;
  },
};
