import { parseRate, parseWholeNumber } from "../args/parseNumber.js";
import type { CommandSpec } from "./commandSpec.js";
import { DAG_ID, DAG_VERSION, INSTANCE_ID, TID } from "./commonFlags.js";

/** Default in-flight resumes of `--all-suspended`, as core's resumeSuspendedInstances. */
const DEFAULT_CONCURRENCY = 4;
/** Default resumes started per second, as core's resumeSuspendedInstances. */
const DEFAULT_MAX_RATE = 10;

/** `dmsflow resume`: one suspended instance, or all of a task flow's. */
export const resume: CommandSpec = {
  name: "resume",
  summary: "Resume a suspended instance, or every suspended instance of a task flow",
  group: "Instance commands",
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
  flags: [
    DAG_ID,
    { ...INSTANCE_ID, required: false },
    DAG_VERSION,
    TID,
    { name: "all-suspended", kind: "boolean", help: "resume every suspended instance of the task flow" },
    {
      name: "concurrency",
      kind: "string",
      valueName: "<n>",
      help: `with --all-suspended: resumes in flight at once, 1 to 64 (default ${DEFAULT_CONCURRENCY})`,
      default: String(DEFAULT_CONCURRENCY),
      parse: (flag, text) => parseWholeNumber(flag, text, 1, 64),
    },
    {
      name: "max-rate",
      kind: "string",
      valueName: "<r>",
      help: `with --all-suspended: resumes started per second at most (default ${DEFAULT_MAX_RATE})`,
      default: String(DEFAULT_MAX_RATE),
      parse: parseRate,
    },
  ],
  relations: [
    {
      kind: "exclusive",
      flags: [
        { flag: "instance-id", means: "one instance", purpose: "to resume one instance" },
        { flag: "all-suspended", means: "all of them", purpose: "to resume every suspended one" },
      ],
      oneRequired: true,
    },
    { kind: "dependsOn", flags: ["concurrency", "max-rate"], on: "all-suspended" },
  ],
  examples: [
    "dmsflow resume --dag-id 11 --instance-id 3",
    "# every suspended instance, 16 at a time, at most 50 per second",
    "dmsflow resume --dag-id 11 --all-suspended --concurrency 16 --max-rate 50",
    "# what would be sent, without sending it",
    "dmsflow resume --dag-id 11 --instance-id 3 --dry-run",
  ],
  load: async () => (await import("../handlers/resume.js")).resumeHandler,
};
