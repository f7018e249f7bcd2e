import type { TaskFlowRun } from "@dmsflow/core";
import type { CommandHandler } from "../commands/commandSpec.js";
import type { RecordResult, TextFields } from "../output/commandResult.js";
import { layerNumbers, runPicture } from "../output/flowPicture.js";
import { statusName } from "../statusNames.js";

/** `dmsflow status`: a run's nodes in layers with their statuses, the failed ones highlighted. */
export const statusHandler: CommandHandler = {
  async run(ctx) {
    const { describeTaskFlowRun } = await import("@dmsflow/core");
    const client = await ctx.client();
    const run = await describeTaskFlowRun(
      client,
      {
        DagId: ctx.flags.requiredString("dag-id"),
        DagInstanceId: ctx.flags.requiredString("instance-id"),
        Tid: ctx.flags.string("tid"),
      },
      { signal: ctx.io.signal },
    );
    return runResult(run);
  },
};

/** A run as every format prints it: the picture (table), one line per node (text), the view (json). */
export function runResult(run: TaskFlowRun, exitCode = 0): RecordResult {
  return { kind: "record", json: runJson(run), text: runText(run), human: ({ palette }) => runPicture(run, palette), exitCode };
}

/** The run view with status names and each node's layer (from 1; none for a node no longer in the graph), ids as strings. */
export function runJson(run: TaskFlowRun): unknown {
  const layers = layerNumbers(run.nodes.filter((n) => n.inGraph));
  const node = (n: TaskFlowRun["nodes"][number]) => ({ ...n, statusName: statusName(n.status), layer: layers.get(n.nodeId) });
  return {
    ...run,
    statusName: statusName(run.status),
    nodes: run.nodes.map(node),
    failedNodes: run.failedNodes.map(node),
  };
}

/** One `--output text` line per node: id, name, layer, status, end time, message. */
function runText(run: TaskFlowRun): TextFields[] {
  const layers = layerNumbers(run.nodes.filter((n) => n.inGraph));
  return run.nodes.map((n) => [n.nodeId, n.name, layers.get(n.nodeId), statusName(n.status), n.endTime, n.message]);
}
