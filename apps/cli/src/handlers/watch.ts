import { setTimeout as delay } from "node:timers/promises";
import { getTaskInstanceRelation, InstanceStatus } from "@dmsflow/client";
import type { TaskFlowRun } from "@dmsflow/core";
import type { CommandContext, CommandHandler } from "../commands/commandSpec.js";
import { runPicture } from "../output/flowPicture.js";
import { LiveDrawing } from "../output/liveDrawing.js";
import { sanitize } from "../output/sanitize.js";
import { statusName } from "../statusNames.js";
import { runResult } from "./status.js";

const DEFAULT_TIMEOUT_MS = 600_000;
/** Polls back off while nothing changes, to 8 times --interval and at most this (a person is watching: not wait's 30 s). */
const MAX_INTERVAL_MS = 10_000;
/** Polls in a row that do not find the instance before giving up, as core's waiter. */
const NOT_FOUND_POLLS = 2;

/**
 * `dmsflow watch`: follows a run until it ends. The graph is read once (GetTaskFlowGraph); each poll
 * then costs two calls, made together: GetTaskInstanceRelation (every node's status) and one
 * ListTaskFlowInstance (the run's status, through core's InstanceTracker) while the run's status holds.
 */
export const watchHandler: CommandHandler = {
  async run(ctx) {
    const { flags } = ctx;
    const ref = {
      DagId: flags.requiredString("dag-id"),
      DagInstanceId: flags.requiredString("instance-id"),
      Tid: flags.string("tid"),
    };
    const intervalMs = flags.requiredNumber("interval");
    const timeoutMs = ctx.global.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const core = await import("@dmsflow/core");
    const client = await ctx.client();
    const signal = ctx.io.signal;
    const what = `instance ${ref.DagInstanceId} of task flow ${ref.DagId}`;
    const aborted = () => new core.DmsAbortError(`Watching ${what} was interrupted.`);
    const graph = await core.getFlowGraph(client, ref, { signal });
    const tracker = new core.InstanceTracker(client, ref, core.TERMINAL_STATUSES, { signal });
    const progress = progressFor(ctx);
    const deadline = performance.now() + timeoutMs;
    const maxIntervalMs = Math.max(intervalMs, Math.min(MAX_INTERVAL_MS, intervalMs * 8));
    let calls = 1;
    let previous: TaskFlowRun | undefined;
    let quietPolls = 0;
    let missed = 0;
    for (let poll = 1; ; poll++) {
      if (signal?.aborted) throw aborted();
      const before = tracker.calls;
      const [instance, relation] = await Promise.all([tracker.find(), getTaskInstanceRelation(client, ref, { signal })]);
      calls += tracker.calls - before + 1;
      const run = core.taskFlowRunOf(graph, ref.DagInstanceId, instance, relation.NodeList?.Node ?? []);
      const changed = progress.show(previous, run, poll);
      previous = run;
      quietPolls = changed ? 0 : quietPolls + 1;
      missed = instance === undefined ? missed + 1 : 0;
      if (missed >= NOT_FOUND_POLLS) {
        progress.end();
        throw new core.DmsWaiterError(
          "WaiterInstanceNotFound",
          `Instance ${ref.DagInstanceId} of task flow ${ref.DagId} is not listed by ListTaskFlowInstance (${missed} polls); check --instance-id, --dag-id and --tid.`,
          undefined,
        );
      }
      if (run.status !== undefined && core.TERMINAL_STATUSES.includes(run.status)) {
        progress.end();
        const failed = run.status === InstanceStatus.failed;
        const result = runResult(run, failed ? 1 : 0);
        return {
          ...result,
          json: { ...(result.json as object), watch: { polls: poll, calls } },
          // In text the change lines printed while watching were the output.
          text: [],
          note: failed ? (errPalette) => `${errPalette.red("error:")} ${what} failed${failedWhere(run)}` : undefined,
        };
      }
      const remaining = deadline - performance.now();
      if (remaining <= 0) {
        progress.end();
        const hint = "Give a longer --timeout to watch longer.";
        throw new core.DmsWaiterError(
          "WaiterTimeout",
          `Stopped watching ${what} after ${timeoutMs} ms; it is ${statusName(run.status) || "not listed"}. ${hint}`,
          run.status,
          { hint, option: "timeout" },
        );
      }
      const wait = Math.min(core.pollDelayMs(quietPolls + 1, intervalMs, maxIntervalMs, Math.random()), remaining);
      try {
        await delay(wait, undefined, { signal });
      } catch {
        throw aborted();
      }
    }
  },
};

/** How progress is shown: a picture redrawn in place on a terminal, change lines in a pipe, nothing for JSON. */
interface Progress {
  /** Shows a poll's view; true when a node's or the run's status changed since `previous`. */
  show(previous: TaskFlowRun | undefined, run: TaskFlowRun, poll: number): boolean;
  /** Clears what must not stay (the live picture: the result prints the final one). */
  end(): void;
}

function progressFor(ctx: CommandContext): Progress {
  const { out, io } = ctx;
  if (out.format === "json") return { show: (previous, run) => changesOf(previous, run).length > 0, end: () => {} };
  if (out.format === "table" && io.stdout.isTTY) {
    const drawing = new LiveDrawing(io.stdout);
    return {
      show(previous, run, poll) {
        drawing.draw(`${runPicture(run, out.palette)}${out.palette.dim(`Watching: poll ${poll}, Ctrl-C to stop.`)}\n`);
        return changesOf(previous, run).length > 0;
      },
      end: () => drawing.clear(),
    };
  }
  return {
    show(previous, run) {
      const changes = changesOf(previous, run);
      const time = new Date().toTimeString().slice(0, 8);
      for (const change of changes) out.write(`${time} ${change}\n`);
      return changes.length > 0;
    },
    end: () => {},
  };
}

/** The lines of what changed between two polls (on the first, every node's and the run's status). */
function changesOf(previous: TaskFlowRun | undefined, run: TaskFlowRun): string[] {
  const transition = (before: number | undefined, after: number | undefined, first: boolean) =>
    first ? label(after) : `${label(before)} -> ${label(after)}`;
  const lines: string[] = [];
  const earlier = new Map(previous?.nodes.map((n) => [n.nodeId, n.status]));
  for (const node of run.nodes) {
    const first = previous === undefined || !earlier.has(node.nodeId);
    if (!first && earlier.get(node.nodeId) === node.status) continue;
    const why = node.status === InstanceStatus.failed && node.message ? `: ${sanitize(node.message)}` : "";
    lines.push(`node ${sanitize(node.name)}: ${transition(earlier.get(node.nodeId), node.status, first)}${why}`);
  }
  if (previous === undefined || previous.status !== run.status) {
    lines.push(`run ${run.instanceId}: ${transition(previous?.status, run.status, previous === undefined)}`);
  }
  return lines;
}

function label(status: number | undefined): string {
  return status === undefined ? "not run" : statusName(status);
}

function failedWhere(run: TaskFlowRun): string {
  const node = run.failedNodes[0];
  if (node === undefined) return run.message ? `: ${sanitize(run.message)}` : ".";
  return ` at node ${sanitize(node.name)} (${node.nodeId})${node.message ? `: ${sanitize(node.message)}` : "."}`;
}
