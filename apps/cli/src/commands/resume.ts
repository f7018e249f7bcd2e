import { parseRate, parseWholeNumber } from "../args/parseNumber.js";
import { UsageError } from "../args/usageError.js";
import type { CommandDefinition } from "./command.js";
import { DAG_ID, DAG_VERSION, dagIdOf, flag, has, INSTANCE_ID, TID, tidOf } from "./flags.js";
import { type InstanceAction, runInstanceAction } from "./instanceAction.js";

const RESUME: InstanceAction = { command: "resume", action: "ResumeTaskFlowInstance", done: "Resumed", takesDagVersion: true };

/** Default in-flight resumes of `--all-suspended`, as core's resumeSuspendedInstances. */
export const DEFAULT_CONCURRENCY = 4;
/** Default resumes started per second, as core's resumeSuspendedInstances. */
export const DEFAULT_MAX_RATE = 10;

/** `dmsflow resume`: one suspended instance, or all of a task flow's. */
export const resume: CommandDefinition = {
  usage: [
    "dmsflow resume --dag-id <id> --instance-id <id> [--dag-version <v>] [--tid <tid>]",
    "dmsflow resume --dag-id <id> --all-suspended [--concurrency <n>] [--max-rate <r>] [--tid <tid>]",
  ],
  description:
    "Resumes one suspended instance of a task flow (ResumeTaskFlowInstance). A retry after a timeout\n" +
    "cannot resume twice; when an answer was lost and the retry is declined, the instance's state is\n" +
    "checked and reported as it is (running, maybe resumed by this run), never claimed.\n" +
    "\n" +
    "With --all-suspended it lists every suspended instance of the task flow, resumes them\n" +
    "--concurrency at a time and at most --max-rate calls per second, then lists again and retries what\n" +
    "is still suspended (a few rounds). The summary gives each instance once: resumed (by this run),\n" +
    "already running (someone else, or a lost answer of ours), declined (another status) or still\n" +
    "suspended. Exit code 0 means every one ends running; 5 that some are declined or still suspended\n" +
    "(running the same command again is safe). Ctrl-C stops starting new calls and prints the summary.",
  options: [
    DAG_ID,
    INSTANCE_ID,
    DAG_VERSION,
    TID,
    { name: "all-suspended", kind: "boolean", help: "resume every suspended instance of the task flow" },
    {
      name: "concurrency",
      kind: "string",
      valueName: "<n>",
      help: `with --all-suspended: resumes in flight at once, 1 to 64 (default ${DEFAULT_CONCURRENCY})`,
    },
    {
      name: "max-rate",
      kind: "string",
      valueName: "<r>",
      help: `with --all-suspended: resumes started per second at most (default ${DEFAULT_MAX_RATE})`,
    },
  ],
  examples: [
    "dmsflow resume --dag-id 11 --instance-id 3",
    "# every suspended instance, 16 at a time, at most 50 per second",
    "dmsflow resume --dag-id 11 --all-suspended --concurrency 16 --max-rate 50",
    "# what would be sent, without sending it",
    "dmsflow resume --dag-id 11 --instance-id 3 --dry-run",
  ],
  async run(ctx) {
    const { args } = ctx;
    const dagId = dagIdOf(args, "resume");
    const all = has(args, "all-suspended");
    const instanceId = flag(args, "instance-id");
    if (all && instanceId !== undefined) {
      throw new UsageError("give either --instance-id <id> (one instance) or --all-suspended (all of them), not both.");
    }
    if (!all) {
      if (instanceId === undefined) {
        throw new UsageError(
          "--instance-id <id> is required to resume one instance; or give --all-suspended to resume every suspended one. Run 'dmsflow resume --help' for usage.",
        );
      }
      for (const bulkOnly of ["concurrency", "max-rate"]) {
        if (has(args, bulkOnly)) throw new UsageError(`--${bulkOnly} applies only with --all-suspended.`);
      }
      return runInstanceAction(ctx, RESUME);
    }
    const { resumeAll } = await import("../bulk/resumeAll.js");
    const concurrency = flag(args, "concurrency");
    const maxRate = flag(args, "max-rate");
    return resumeAll(ctx, {
      dagId,
      tid: tidOf(args),
      dagVersion: flag(args, "dag-version"),
      concurrency: concurrency === undefined ? DEFAULT_CONCURRENCY : parseWholeNumber("concurrency", concurrency, 1, 64),
      maxRate: maxRate === undefined ? DEFAULT_MAX_RATE : parseRate("max-rate", maxRate),
    });
  },
};
