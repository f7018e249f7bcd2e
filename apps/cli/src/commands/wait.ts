import { parseDuration } from "../args/parseDuration.js";
import { parseId } from "../args/parseId.js";
import { UsageError } from "../args/usageError.js";
import { formatSeconds } from "../output/progressBar.js";
import { sanitize } from "../output/sanitize.js";
import { statusCell } from "../output/statusCell.js";
import { statusName } from "../statusNames.js";
import type { CommandDefinition } from "./command.js";
import { DAG_ID, dagIdOf, flag, INSTANCE_ID, requiredFlag, TID, tidOf } from "./flags.js";

const FAILED = 3;
/** `--until running` is met by running, and also by a finished status: the instance did run. */
const UNTIL: Readonly<Record<string, readonly number[]>> = { running: [1, 3, 4, 5], finished: [3, 4, 5] };
const DEFAULT_TIMEOUT_MS = 600_000;
const DEFAULT_INTERVAL = "2s";

/** `dmsflow wait`: polls one instance until it runs or finishes. */
export const wait: CommandDefinition = {
  usage: ["dmsflow wait --dag-id <id> --instance-id <id> --until running|finished [--timeout 10m] [--interval 2s]"],
  description:
    "Polls an instance (ListTaskFlowInstance) until it is running (--until running; an instance that\n" +
    "already finished counts too, since it ran) or has finished: failed, succeeded or completed\n" +
    "(--until finished). Prints the status it reached. Exit 0 when it got there; 1 when the instance\n" +
    "failed; 4 when --timeout (default 10m, the whole wait) ran out.",
  options: [
    DAG_ID,
    INSTANCE_ID,
    TID,
    { name: "until", kind: "string", valueName: "<state>", help: "running or finished", choices: ["running", "finished"] },
    {
      name: "interval",
      kind: "string",
      valueName: "<duration>",
      help: `first wait between polls, doubling up to 30s (default ${DEFAULT_INTERVAL})`,
    },
  ],
  ownsTimeout: "how long to wait in all, e.g. 2m (default 10m)",
  examples: [
    "dmsflow wait --dag-id 11 --instance-id 3 --until running --timeout 2m",
    "# resume, then block until the run is over",
    "dmsflow resume --dag-id 11 --instance-id 3 && dmsflow wait --dag-id 11 --instance-id 3 --until finished",
  ],
  async run(ctx) {
    const { args, out } = ctx;
    const dagId = dagIdOf(args, "wait");
    const instanceId = parseId("instance-id", requiredFlag(args, INSTANCE_ID, "wait"));
    const untilText = requiredFlag(args, { name: "until", kind: "string", valueName: "running|finished", help: "" }, "wait");
    const until = UNTIL[untilText];
    if (until === undefined) throw new UsageError(`--until must be running or finished; got ${JSON.stringify(untilText)}.`);
    const tid = tidOf(args);
    const intervalMs = parseDuration("interval", flag(args, "interval") ?? DEFAULT_INTERVAL);
    const timeoutMs = ctx.global.timeoutMs ?? DEFAULT_TIMEOUT_MS;

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
    if (out.format === "json") {
      out.json({
        DagId: dagId,
        DagInstanceId: instanceId,
        Status: status,
        StatusName: statusName(status),
        WaitedMs: waitedMs,
        Instance: instance,
      });
    } else if (out.format === "text") {
      out.textLine([instanceId, statusName(status), (waitedMs / 1000).toFixed(1)]);
    } else {
      out.write(
        `Instance ${instanceId} of task flow ${dagId} is ${statusCell(status, out.palette)} (waited ${formatSeconds(waitedMs / 1000)}).\n`,
      );
    }
    if (status === FAILED) {
      out.note(
        `${out.errPalette.red("error:")} instance ${instanceId} of task flow ${dagId} failed${instance.Message ? `: ${sanitize(instance.Message)}` : "."}`,
      );
      return 1;
    }
    return 0;
  },
};
