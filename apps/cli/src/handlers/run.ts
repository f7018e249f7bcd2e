import { InstanceStatus } from "@dmsflow/client";
import type { CommandHandler } from "../commands/commandSpec.js";
import type { RecordResult } from "../output/commandResult.js";
import { formatSeconds } from "../output/progressBar.js";
import { sanitize } from "../output/sanitize.js";
import { statusCell } from "../output/statusCell.js";
import { statusName } from "../statusNames.js";

/** The whole wait when --timeout is not given, as `dmsflow wait`. */
const DEFAULT_TIMEOUT_MS = 600_000;

/** `dmsflow run`: starts a run (core's runTaskFlow), and with --wait waits for its end. */
export const runHandler: CommandHandler = {
  async run(ctx): Promise<RecordResult> {
    const { flags } = ctx;
    const dagId = flags.requiredString("dag-id");
    const waits = flags.has("wait");
    const { runTaskFlow } = await import("@dmsflow/core");
    const client = await ctx.client();
    const started = performance.now();
    const run = await runTaskFlow(client, {
      DagId: dagId,
      Tid: flags.string("tid"),
      locate: flags.requiredString("locate") as "answer" | "listing",
      signal: ctx.io.signal,
      wait: waits
        ? { timeoutMs: ctx.global.timeoutMs ?? DEFAULT_TIMEOUT_MS, intervalMs: flags.requiredNumber("interval") }
        : undefined,
    });
    const id = run.DagInstanceId;
    const instance = run.instance;
    if (instance === undefined) {
      return {
        kind: "record",
        json: { DagId: dagId, DagInstanceId: id, LocatedBy: run.locatedBy },
        text: [[id]],
        human: ({ palette }) =>
          `Started instance ${palette.bold(id)} of task flow ${dagId}. ${palette.dim(`(dmsflow wait --dag-id ${dagId} --instance-id ${id} --until finished)`)}\n`,
      };
    }
    const waitedMs = Math.round(performance.now() - started);
    const status = instance.Status!;
    const failed = status === InstanceStatus.failed;
    return {
      kind: "record",
      json: {
        DagId: dagId,
        DagInstanceId: id,
        LocatedBy: run.locatedBy,
        Status: status,
        StatusName: statusName(status),
        WaitedMs: waitedMs,
        Instance: instance,
      },
      text: [[id, statusName(status), (waitedMs / 1000).toFixed(1)]],
      human: ({ palette }) =>
        `Instance ${palette.bold(id)} of task flow ${dagId} ended ${statusCell(status, palette)} (waited ${formatSeconds(waitedMs / 1000)}).\n`,
      exitCode: failed ? 1 : 0,
      note: failed
        ? (errPalette) =>
            `${errPalette.red("error:")} instance ${id} of task flow ${dagId} failed${instance.Message ? `: ${sanitize(instance.Message)}` : "."}`
        : undefined,
    };
  },
};
