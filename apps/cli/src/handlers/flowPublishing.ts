import type { CommandContext, CommandHandler } from "../commands/commandSpec.js";
import type { RecordResult } from "../output/commandResult.js";
import { sanitize } from "../output/sanitize.js";

/** The task flow and tenant every publishing command acts on. */
function target(ctx: CommandContext): { DagId: string; Tid?: string } {
  const tid = ctx.flags.string("tid");
  return { DagId: ctx.flags.requiredString("dag-id"), ...(tid === undefined ? {} : { Tid: tid }) };
}

/** The result of a call that answers nothing but its RequestId: one sentence, and the call's fields in json. */
function done(action: string, fields: Record<string, unknown>, sentence: string, requestId: string | undefined): RecordResult {
  const id = requestId ?? "";
  return {
    kind: "record",
    json: { Action: action, ...fields, Success: true, RequestId: id },
    text: [[action, fields.DagId as string, id]],
    human: ({ palette }) => `${palette.green(sentence)} ${palette.dim(`(RequestId ${id})`)}\n`,
  };
}

/** `dmsflow publish`: PublishAndDeployTaskFlow, printing the deployment's ID. */
export const publishHandler: CommandHandler = {
  async run(ctx): Promise<RecordResult> {
    const { publishAndDeployTaskFlow } = await import("@dmsflow/client");
    const input = target(ctx);
    const comment = ctx.flags.string("comment");
    const client = await ctx.client();
    const output = await publishAndDeployTaskFlow(
      client,
      { ...input, ...(comment === undefined ? {} : { VersionComments: comment }) },
      { signal: ctx.io.signal },
    );
    const deployId = output.DeployId ?? "";
    const result = done(
      "PublishAndDeployTaskFlow",
      { ...input, DeployId: deployId },
      `Published and deployed task flow ${input.DagId} (deployment ${deployId}).`,
      output.RequestId,
    );
    return { ...result, text: [["PublishAndDeployTaskFlow", input.DagId, deployId, output.RequestId ?? ""]] };
  },
};

/** `dmsflow offline`: OfflineTaskFlow. */
export const offlineHandler: CommandHandler = {
  async run(ctx): Promise<RecordResult> {
    const { offlineTaskFlow } = await import("@dmsflow/client");
    const input = target(ctx);
    const output = await offlineTaskFlow(await ctx.client(), input, { signal: ctx.io.signal });
    return done("OfflineTaskFlow", input, `Took task flow ${input.DagId} offline.`, output.RequestId);
  },
};

/** `dmsflow schedule`: UpdateTaskFlowSchedule with TriggerType Cron, switched on with --cron or off with --off. */
export const scheduleHandler: CommandHandler = {
  async run(ctx): Promise<RecordResult> {
    const { updateTaskFlowSchedule } = await import("@dmsflow/client");
    const { flags } = ctx;
    const input = target(ctx);
    const cron = flags.string("cron");
    const zone = flags.string("time-zone");
    const begin = flags.string("begin");
    const end = flags.string("end");
    const schedule = {
      ...(cron === undefined ? {} : { CronStr: cron }),
      ...(zone === undefined ? {} : { TimeZoneId: zone }),
      ...(begin === undefined ? {} : { CronBeginDate: begin }),
      ...(end === undefined ? {} : { CronEndDate: end }),
    };
    const on = cron !== undefined;
    const output = await updateTaskFlowSchedule(
      await ctx.client(),
      // ScheduleParam is required but configures event scheduling only: a cron schedule sends an empty
      // JSON object (the gateway takes an empty string for a missing parameter).
      { ...input, ...schedule, TriggerType: "Cron", ScheduleSwitch: on, ScheduleParam: "{}" },
      { signal: ctx.io.signal },
    );
    const window = [begin && `from ${begin}`, end && `until ${end}`].filter(Boolean).join(" ");
    const sentence = on
      ? `Scheduled task flow ${input.DagId} at ${sanitize(cron)} (${sanitize(zone ?? "Asia/Shanghai")}${window ? `, ${sanitize(window)}` : ""}); publish it for the schedule to take effect.`
      : `Turned scheduling of task flow ${input.DagId} off; publish it for this to take effect.`;
    return done("UpdateTaskFlowSchedule", { ...input, ScheduleSwitch: on, ...schedule }, sentence, output.RequestId);
  },
};
