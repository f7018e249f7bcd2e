import type { DAGInstance, InstanceStatus, ListTaskFlowInstanceInput } from "@dmsflow/client";
import { UsageError } from "../args/usageError.js";
import type { CommandHandler } from "../commands/commandSpec.js";
import type { ListResult } from "../output/commandResult.js";
import { sanitize } from "../output/sanitize.js";
import { statusCell, truncate } from "../output/statusCell.js";
import { statusName, triggerName } from "../statusNames.js";

/** `dmsflow instances`: every instance of a task flow, page after page. */
export const instancesHandler: CommandHandler = {
  async run(ctx): Promise<ListResult<DAGInstance>> {
    const { flags } = ctx;
    const input: ListTaskFlowInstanceInput = {
      DagId: flags.requiredString("dag-id"),
      PageIndex: 1,
      PageSize: flags.requiredNumber("page-size"),
    };
    const status = flags.number("status") as InstanceStatus | undefined;
    if (status !== undefined) input.Status = status;
    const since = flags.string("since");
    const until = flags.string("until");
    if (since !== undefined) input.StartTimeBegin = since;
    if (until !== undefined) input.StartTimeEnd = until;
    if (since !== undefined && until !== undefined && since > until) {
      throw new UsageError(`--since ${since} is after --until ${until}; swap them.`);
    }
    const tid = flags.string("tid");
    if (tid !== undefined) input.Tid = tid;

    const { paginateListTaskFlowInstance } = await import("@dmsflow/client");
    const client = await ctx.client();
    const pages = paginateListTaskFlowInstance(client, input, { signal: ctx.io.signal });
    const filter = status === undefined ? "" : ` ${statusName(status)}`;
    return {
      kind: "list",
      items: (async function* () {
        for await (const page of pages) yield* page.DAGInstanceList?.DAGInstance ?? [];
      })(),
      text: (i) => [
        i.Id,
        statusName(i.Status),
        i.DagVersion,
        triggerName(i.TriggerType),
        i.startTime,
        i.EndTime,
        i.BusinessTime,
        i.Message,
      ],
      columns: [
        { header: "ID" },
        { header: "STATUS" },
        { header: "VERSION" },
        { header: "TRIGGER" },
        { header: "STARTED" },
        { header: "ENDED" },
        { header: "MESSAGE" },
      ],
      // A table needs every row to size its columns; it is for a human at a terminal, not for 10^5 rows.
      row: (i, palette) => [
        i.Id ?? "",
        statusCell(i.Status, palette),
        sanitize(i.DagVersion ?? ""),
        triggerName(i.TriggerType),
        sanitize(i.startTime ?? ""),
        sanitize(i.EndTime ?? ""),
        truncate(sanitize(i.Message ?? ""), 48),
      ],
      empty: `No${filter} instances of task flow ${input.DagId}.\n`,
      footer: (count, palette) =>
        palette.dim(`${count}${filter} instance${count === 1 ? "" : "s"} of task flow ${input.DagId}.\n`),
    };
  },
};
