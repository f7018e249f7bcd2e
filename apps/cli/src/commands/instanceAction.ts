import type { ActionName } from "@dmsflow/client";
import type { ResumeRecovery } from "@dmsflow/core";
import type { OptionSpec } from "../args/optionSpec.js";
import { parseId } from "../args/parseId.js";
import { statusName } from "../statusNames.js";
import type { CommandContext, CommandDefinition } from "./command.js";
import { DAG_ID, DAG_VERSION, dagIdOf, flag, INSTANCE_ID, requiredFlag, TID, tidOf } from "./flags.js";

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

/** The flags of a one-instance command. */
export function instanceActionOptions(spec: InstanceAction): OptionSpec[] {
  return spec.takesDagVersion ? [DAG_ID, INSTANCE_ID, DAG_VERSION, TID] : [DAG_ID, INSTANCE_ID, TID];
}

/** Runs a one-instance action and prints what happened, in the chosen format. */
export async function runInstanceAction(ctx: CommandContext, spec: InstanceAction): Promise<number> {
  const dagId = dagIdOf(ctx.args, spec.command);
  const instanceId = parseId("instance-id", requiredFlag(ctx.args, INSTANCE_ID, spec.command));
  const tid = tidOf(ctx.args);
  const dagVersion = spec.takesDagVersion ? flag(ctx.args, "dag-version") : undefined;
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
  const { out } = ctx;
  if (out.format === "json") {
    out.json({
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
    });
  } else if (out.format === "text") {
    out.textLine([spec.action, dagId, instanceId, requestId]);
  } else {
    const line = recovered
      ? `Instance ${instanceId} of task flow ${dagId} is ${out.palette.green(statusName(recovered.status))}: an attempt's answer was lost and the retry was declined (${recovered.errorCode}), so this run may or may not be the one that resumed it.`
      : `${out.palette.green(spec.done)} instance ${instanceId} of task flow ${dagId}.`;
    out.write(`${line} ${out.palette.dim(`(RequestId ${requestId})`)}\n`);
  }
  return 0;
}

/** The definition of a one-instance command that has no other mode (suspend, stop, rerun, make-success). */
export function instanceActionCommand(spec: InstanceAction, description: string, example: string): CommandDefinition {
  const version = spec.takesDagVersion ? " [--dag-version <v>]" : "";
  return {
    usage: [`dmsflow ${spec.command} --dag-id <id> --instance-id <id>${version} [--tid <tid>]`],
    description,
    options: instanceActionOptions(spec),
    examples: [example, `dmsflow ${spec.command} --dag-id 11 --instance-id 3 --output json`],
    run: (ctx) => runInstanceAction(ctx, spec),
  };
}
