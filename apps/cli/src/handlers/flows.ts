import type { ListTaskFlowsByPageInput, TaskFlowDetail } from "@dmsflow/client";
import type { CommandHandler } from "../commands/commandSpec.js";
import type { ListResult } from "../output/commandResult.js";
import { sanitize } from "../output/sanitize.js";
import { statusCell, truncate } from "../output/statusCell.js";
import { statusName, taskFlowStatusName } from "../statusNames.js";

/** A flow's schedule in one cell: on or off, the cron expression, its zone and window, as far as the API answered them. */
function scheduleText(f: TaskFlowDetail): string {
  if (f.CronSwitch === undefined && f.CronStr === undefined) return "";
  const window = [f.CronBeginDate && `from ${f.CronBeginDate}`, f.CronEndDate && `until ${f.CronEndDate}`].filter(Boolean);
  const detail = [f.CronStr, f.TimeZoneId, ...window].filter(Boolean).join(" ");
  return `${f.CronSwitch ? "on" : "off"}${detail ? ` ${detail}` : ""}`;
}

/** `dmsflow flows`: the task flows of a tenant with their names and schedules, every page, optionally by name. */
export const flowsHandler: CommandHandler = {
  async run(ctx): Promise<ListResult<TaskFlowDetail>> {
    const { flags } = ctx;
    const search = flags.string("search");
    const tid = flags.string("tid");
    const input: ListTaskFlowsByPageInput = {
      PageIndex: 1,
      PageSize: flags.requiredNumber("page-size"),
      ...(search === undefined ? {} : { SearchKey: search }),
      ...(tid === undefined ? {} : { Tid: tid }),
    };
    const { paginateListTaskFlowsByPage } = await import("@dmsflow/client");
    const client = await ctx.client();
    const pages = paginateListTaskFlowsByPage(client, input, { signal: ctx.io.signal });
    const matching = search === undefined ? "" : ` whose name contains ${JSON.stringify(search)}`;
    return {
      kind: "list",
      items: (async function* () {
        for await (const page of pages) yield* page.TaskFlowList?.TaskFlow ?? [];
      })(),
      text: (f) => [
        f.Id,
        f.DagName,
        taskFlowStatusName(f.Status),
        f.DeployId,
        f.CronSwitch === undefined ? undefined : f.CronSwitch ? "on" : "off",
        f.CronStr,
        f.TimeZoneId,
        f.CronBeginDate,
        f.CronEndDate,
        statusName(f.LatestInstanceStatus),
        f.LatestInstanceTime,
      ],
      columns: [
        { header: "DAG ID" },
        { header: "NAME" },
        { header: "SCHEDULING" },
        { header: "DEPLOY ID" },
        { header: "SCHEDULE" },
        { header: "LATEST RUN" },
        { header: "LATEST RUN TIME" },
      ],
      row: (f, palette) => [
        f.Id ?? "",
        truncate(sanitize(f.DagName ?? ""), 40),
        taskFlowStatusName(f.Status),
        f.DeployId ?? "",
        truncate(sanitize(scheduleText(f)), 48),
        statusCell(f.LatestInstanceStatus, palette),
        sanitize(f.LatestInstanceTime ?? ""),
      ],
      empty: `No task flows${matching} in this tenant.\n`,
      footer: (count, palette) => palette.dim(`${count} task flow${count === 1 ? "" : "s"}${matching}.\n`),
    };
  },
};
