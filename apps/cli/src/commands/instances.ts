import type { DAGInstance, ListTaskFlowInstanceInput } from "@dmsflow/client";
import { parseDate } from "../args/parseDate.js";
import { parseWholeNumber } from "../args/parseNumber.js";
import { UsageError } from "../args/usageError.js";
import { sanitize } from "../output/sanitize.js";
import { statusCell, triggerName, truncate } from "../output/statusCell.js";
import { parseStatus, STATUS_NAMES, statusName } from "../statusNames.js";
import type { CommandDefinition } from "./command.js";
import { DAG_ID, dagIdOf, flag, TID, tidOf } from "./flags.js";

const COLUMNS = [
  { header: "ID" },
  { header: "STATUS" },
  { header: "VERSION" },
  { header: "TRIGGER" },
  { header: "STARTED" },
  { header: "ENDED" },
  { header: "MESSAGE" },
] as const;

/** `dmsflow instances`: every instance of a task flow, page after page. */
export const instances: CommandDefinition = {
  usage: ["dmsflow instances --dag-id <id> [--status <status>] [--since <date>] [--until <date>] [--tid <tid>]"],
  description:
    "Lists the instances (runs) of a task flow, following every page of ListTaskFlowInstance. On a\n" +
    "terminal it prints a table; in a pipe, one tab-separated line per instance (ID, status, version,\n" +
    "trigger, started, ended, business time, message); --output json prints an array of the API's\n" +
    "DAGInstance objects. Pages are printed as they arrive (json and text), so any number fits in memory.",
  options: [
    DAG_ID,
    {
      name: "status",
      kind: "string",
      valueName: "<status>",
      help: `only this status: ${STATUS_NAMES.join(", ")}`,
      choices: STATUS_NAMES,
    },
    { name: "since", kind: "string", valueName: "<date>", help: "started on or after: 2024-01-31, today, yesterday or 7d (UTC)" },
    { name: "until", kind: "string", valueName: "<date>", help: "started on or before, same forms as --since" },
    TID,
    { name: "page-size", kind: "string", valueName: "<n>", help: "instances per API call, 1 to 100 (default 100)" },
  ],
  examples: [
    "dmsflow instances --dag-id 11 --status suspended",
    "dmsflow instances --dag-id 11 --since 7d --output json",
    "# IDs of the failed instances, for a script",
    "dmsflow instances --dag-id 11 --status failed --output text | cut -f1",
  ],
  async run(ctx) {
    const { args, out } = ctx;
    const input: ListTaskFlowInstanceInput = {
      DagId: dagIdOf(args, "instances"),
      PageIndex: 1,
      PageSize: parseWholeNumber("page-size", flag(args, "page-size") ?? "100", 1, 100),
    };
    const status = flag(args, "status");
    if (status !== undefined) input.Status = parseStatus("status", status);
    const since = flag(args, "since");
    const until = flag(args, "until");
    if (since !== undefined) input.StartTimeBegin = parseDate("since", since);
    if (until !== undefined) input.StartTimeEnd = parseDate("until", until);
    if (input.StartTimeBegin && input.StartTimeEnd && input.StartTimeBegin > input.StartTimeEnd) {
      throw new UsageError(`--since ${input.StartTimeBegin} is after --until ${input.StartTimeEnd}; swap them.`);
    }
    const tid = tidOf(args);
    if (tid !== undefined) input.Tid = tid;

    const { paginateListTaskFlowInstance } = await import("@dmsflow/client");
    const client = await ctx.client();
    const pages = paginateListTaskFlowInstance(client, input, { signal: ctx.io.signal });
    if (out.format === "json") {
      const array = out.jsonArray();
      for await (const page of pages) for (const instance of page.DAGInstanceList?.DAGInstance ?? []) array.push(instance);
      array.end();
      return 0;
    }
    if (out.format === "text") {
      for await (const page of pages) for (const i of page.DAGInstanceList?.DAGInstance ?? []) out.textLine(textFields(i));
      return 0;
    }
    // A table needs every row to size its columns; it is for a human at a terminal, not for 10^5 rows.
    const rows: string[][] = [];
    for await (const page of pages) {
      for (const i of page.DAGInstanceList?.DAGInstance ?? []) {
        rows.push([
          i.Id ?? "",
          statusCell(i.Status, out.palette),
          sanitize(i.DagVersion ?? ""),
          triggerName(i.TriggerType),
          sanitize(i.startTime ?? ""),
          sanitize(i.EndTime ?? ""),
          truncate(sanitize(i.Message ?? ""), 48),
        ]);
      }
    }
    const filter = status === undefined ? "" : ` ${statusName(input.Status)}`;
    if (rows.length === 0) {
      out.write(`No${filter} instances of task flow ${input.DagId}.\n`);
      return 0;
    }
    out.table(COLUMNS, rows);
    out.write(out.palette.dim(`${rows.length}${filter} instance${rows.length === 1 ? "" : "s"} of task flow ${input.DagId}.\n`));
    return 0;
  },
};

function textFields(i: DAGInstance): Array<string | undefined> {
  return [
    i.Id,
    statusName(i.Status),
    i.DagVersion,
    triggerName(i.TriggerType),
    i.startTime,
    i.EndTime,
    i.BusinessTime,
    i.Message,
  ];
}
