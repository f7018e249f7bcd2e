import { InstanceStatus } from "@dmsflow/client";
import type { WaitForTaskFlowNodeOptions } from "@dmsflow/core";
import type { CommandContext, CommandHandler } from "../commands/commandSpec.js";
import type { CommandResult } from "../output/commandResult.js";
import { formatSeconds } from "../output/progressBar.js";
import { sanitize } from "../output/sanitize.js";
import { statusCell } from "../output/statusCell.js";
import { statusName } from "../statusNames.js";

const { running, failed: FAILED, succeeded, completed } = InstanceStatus;
/** `--until running` is met by running, and also by a finished status: the instance did run. */
const UNTIL: Readonly<Record<string, readonly number[]>> = {
  running: [running, FAILED, succeeded, completed],
  finished: [FAILED, succeeded, completed],
};
const DEFAULT_TIMEOUT_MS = 600_000;

/** `dmsflow wait`: polls one instance, or one node of it, until it runs or finishes. */
export const waitHandler: CommandHandler = {
  async run(ctx) {
    const { flags } = ctx;
    const dagId = flags.requiredString("dag-id");
    const instanceId = flags.requiredString("instance-id");
    const until = UNTIL[flags.requiredString("until")]!;
    const tid = flags.string("tid");
    const intervalMs = flags.requiredNumber("interval");
    const timeoutMs = ctx.global.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const nodeId = flags.string("node-id");
    const nodeName = flags.string("node-name");
    if (nodeId !== undefined || nodeName !== undefined) {
      const node = nodeId !== undefined ? { nodeId } : { name: nodeName! };
      return waitForNode(ctx, { DagId: dagId, DagInstanceId: instanceId, Tid: tid, node, until, timeoutMs, intervalMs });
    }

    const { waitForTaskFlowInstance } = await import("@dmsflow/core");
    const client = await ctx.client();
    const started = performance.now();
    const instance = await waitForTaskFlowInstance(client, {
      DagId: dagId,
      DagInstanceId: instanceId,
      Tid: tid,
      until,
      timeoutMs,
      intervalMs,
      signal: ctx.io.signal,
    });
    const waitedMs = Math.round(performance.now() - started);
    const status = instance.Status!;
    const failed = status === FAILED;
    return {
      kind: "record",
      json: {
        DagId: dagId,
        DagInstanceId: instanceId,
        Status: status,
        StatusName: statusName(status),
        WaitedMs: waitedMs,
        Instance: instance,
      },
      text: [[instanceId, statusName(status), (waitedMs / 1000).toFixed(1)]],
      human: ({ palette }) =>
        `Instance ${instanceId} of task flow ${dagId} is ${statusCell(status, palette)} (waited ${formatSeconds(waitedMs / 1000)}).\n`,
      exitCode: failed ? 1 : 0,
      note: failed
        ? (errPalette) =>
            `${errPalette.red("error:")} instance ${instanceId} of task flow ${dagId} failed${instance.Message ? `: ${sanitize(instance.Message)}` : "."}`
        : undefined,
    };
  },
};

/** `wait --node-id|--node-name`: polls the run's node runs until the node runs or finishes. */
async function waitForNode(ctx: CommandContext, options: Omit<WaitForTaskFlowNodeOptions, "signal">): Promise<CommandResult> {
  const { waitForTaskFlowNode } = await import("@dmsflow/core");
  const client = await ctx.client();
  const started = performance.now();
  const node = await waitForTaskFlowNode(client, { ...options, signal: ctx.io.signal });
  const waitedMs = Math.round(performance.now() - started);
  const status = node.status!;
  const failed = status === FAILED;
  const { DagId, DagInstanceId } = options;
  const which = `node ${sanitize(node.name)} (${node.nodeId}) of instance ${String(DagInstanceId)}`;
  return {
    kind: "record",
    json: {
      DagId,
      DagInstanceId,
      NodeId: node.nodeId,
      NodeName: node.name,
      Status: status,
      StatusName: statusName(status),
      WaitedMs: waitedMs,
      Node: node,
    },
    text: [[node.nodeId, node.name, statusName(status), (waitedMs / 1000).toFixed(1)]],
    human: ({ palette }) => `N${which.slice(1)} is ${statusCell(status, palette)} (waited ${formatSeconds(waitedMs / 1000)}).\n`,
    exitCode: failed ? 1 : 0,
    note: failed
      ? (errPalette) => `${errPalette.red("error:")} ${which} failed${node.message ? `: ${sanitize(node.message)}` : "."}`
      : undefined,
  };
}
