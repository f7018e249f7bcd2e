import type { ActionName } from "@dmsflow/client";
import type { ResumeRecovery } from "@dmsflow/core";
import { UsageError } from "../args/usageError.js";
import { isBulkResume } from "../commands/bulkResumeMode.js";
import type { CommandContext, CommandHandler } from "../commands/commandSpec.js";
import type { RecordResult } from "../output/commandResult.js";
import { statusName } from "../statusNames.js";

/** What differs between the one-instance commands (resume, suspend, stop, rerun, make-success). */
export interface InstanceAction {
  /** The command name, e.g. `suspend`. */
  readonly command: string;
  /** The API action it calls. */
  readonly action: ActionName;
  /** The past tense for the result line, e.g. `Suspended`. */
  readonly done: string;
  /** Whether the action takes DagVersion. */
  readonly takesDagVersion: boolean;
}

/** The handler of a one-instance command. */
export function instanceActionHandler(action: InstanceAction): CommandHandler {
  return { run: (ctx) => runInstanceAction(ctx, action) };
}

/** Runs a one-instance action and returns what happened. */
async function runInstanceAction(ctx: CommandContext, spec: InstanceAction, id?: string): Promise<RecordResult> {
  const dagId = ctx.flags.requiredString("dag-id");
  const instanceId = id ?? ctx.flags.requiredString("instance-id");
  const tid = ctx.flags.string("tid");
  const dagVersion = spec.takesDagVersion ? ctx.flags.string("dag-version") : undefined;
  const { operationTable } = await import("@dmsflow/client");
  const client = await ctx.client();
  const input: Record<string, string> = { DagId: dagId, DagInstanceId: instanceId };
  if (dagVersion !== undefined) input.DagVersion = dagVersion;
  if (tid !== undefined) input.Tid = tid;
  // Resume goes through core's typed safe resume, which says when the outcome was recovered.
  const output =
    spec.action === "ResumeTaskFlowInstance"
      ? await client.resumeTaskFlowInstance(input as never, { signal: ctx.io.signal })
      : await client.send(operationTable[spec.action] as never, input as never, { signal: ctx.io.signal });
  const { RequestId: requestId = "", recovered } = output as { RequestId?: string; recovered?: ResumeRecovery };
  return {
    kind: "record",
    json: {
      Action: spec.action,
      DagId: dagId,
      DagInstanceId: instanceId,
      ...(tid ? { Tid: tid } : {}),
      Success: true,
      RequestId: requestId,
      ...(spec.action === "ResumeTaskFlowInstance" ? { Outcome: recovered ? "alreadyRunning" : "resumed" } : {}),
      ...(recovered
        ? { Recovered: { Status: recovered.status, ErrorCode: recovered.errorCode, OurAttemptMayHaveApplied: true } }
        : {}),
    },
    text: [[spec.action, dagId, instanceId, requestId]],
    human: ({ palette }) => {
      const line = recovered
        ? `Instance ${instanceId} of task flow ${dagId} is ${palette.green(statusName(recovered.status))}: an attempt's answer was lost and the retry was declined (${recovered.errorCode}), so this run may or may not be the one that resumed it.`
        : `${palette.green(spec.done)} instance ${instanceId} of task flow ${dagId}.`;
      return `${line} ${palette.dim(`(RequestId ${requestId})`)}\n`;
    },
  };
}

const RESUME: InstanceAction = { command: "resume", action: "ResumeTaskFlowInstance", done: "Resumed", takesDagVersion: true };

/** `dmsflow resume`: one instance, or (--all-suspended) every suspended one through the bulk resume. */
export const resumeHandler: CommandHandler = {
  async run(ctx) {
    const { flags } = ctx;
    if (!isBulkResume(ctx.args)) {
      const bulkOnly = ["since", "until", "concurrency", "max-rate"].find((name) => ctx.args.options.has(name));
      if (bulkOnly !== undefined) {
        throw new UsageError(
          `--${bulkOnly} applies only with --all-suspended, several --instance-id flags, or --instance-id - (IDs on standard input).`,
        );
      }
      return runInstanceAction(ctx, RESUME, flags.strings("instance-id")![0]!);
    }
    const since = flags.string("since");
    const until = flags.string("until");
    if (since !== undefined && until !== undefined && since > until) {
      throw new UsageError(`--since ${since} is after --until ${until}; swap them.`);
    }
    const given = flags.strings("instance-id");
    const [{ resumeAll }, instanceIds] = await Promise.all([
      import("../bulk/resumeAll.js"),
      given === undefined ? undefined : import("../bulk/readInstanceIds.js").then((m) => m.readInstanceIds(given, ctx.io)),
    ]);
    return resumeAll(ctx, {
      dagId: flags.requiredString("dag-id"),
      tid: flags.string("tid"),
      dagVersion: flags.string("dag-version"),
      concurrency: flags.requiredNumber("concurrency"),
      maxRate: flags.requiredNumber("max-rate"),
      instanceIds,
      since,
      until,
    });
  },
};
