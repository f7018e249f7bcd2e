// The specs of the commands that act on one instance (or, for resume, on all suspended ones).

import { parseDuration } from "../args/parseDuration.js";
import { parseRate, parseWholeNumber } from "../args/parseNumber.js";
import type { InstanceAction } from "../handlers/instanceAction.js";
import { isBulkResume } from "./bulkResumeMode.js";
import type { CommandSpec } from "./commandSpec.js";
import { DAG_CHOICE, DAG_FLAGS, DAG_VERSION, INSTANCE_ID, TID } from "./commonFlags.js";

/** Default in-flight resumes of `--all-suspended`, as core's resumeSuspendedInstances. */
const DEFAULT_CONCURRENCY = 4;
/** Default resumes started per second, as core's resumeSuspendedInstances. */
const DEFAULT_MAX_RATE = 10;

// Loaded when a value is given, not by `dmsflow --help` (each module costs start-up).
const parseId = async (flag: string, text: string) => (await import("../args/parseId.js")).parseId(flag, text);
const parseDate = async (flag: string, text: string) => (await import("../args/parseDate.js")).parseDate(flag, text);

/** `dmsflow resume`: one suspended instance, or all of a task flow's. */
export const resume: CommandSpec = {
  name: "resume",
  summary: "Resume a suspended instance, or every suspended instance of a task flow",
  group: "Instance commands",
  usage: [
    "dmsflow resume --dag-id <id>|--dag-name <name> --instance-id <id> [--dag-version <v>] [--tid <tid>]",
    "dmsflow resume --dag-id <id>|--dag-name <name> --all-suspended [--since <date>] [--until <date>] [--concurrency <n>] [--max-rate <r>]",
    "dmsflow resume --dag-id <id>|--dag-name <name> --instance-id <id> --instance-id <id> ... | --instance-id - [...]",
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
    "(running the same command again is safe). Ctrl-C stops starting new calls and prints the summary.\n" +
    "\n" +
    "Several --instance-id flags, or --instance-id - (IDs on standard input, one per line or separated\n" +
    "by spaces), resume just those the same way; a given ID that is not listed as suspended is reported\n" +
    "as not found (exit 5). --since and --until take only instances started in those days. With\n" +
    "--dry-run it lists the instances it would resume and changes nothing.",
  flags: [
    ...DAG_FLAGS,
    {
      ...INSTANCE_ID,
      required: false,
      repeatable: true,
      help: "instance ID (from 'dmsflow instances'); repeat it for several, or - to read IDs from standard input",
      parse: (flag, text) => (text === "-" ? "-" : parseId(flag, text)),
    },
    DAG_VERSION,
    TID,
    { name: "all-suspended", kind: "boolean", help: "resume every suspended instance of the task flow" },
    {
      name: "since",
      kind: "string",
      valueName: "<date>",
      help: "bulk: only instances started on or after: 2024-01-31, today, yesterday or 7d (UTC)",
      parse: parseDate,
    },
    {
      name: "until",
      kind: "string",
      valueName: "<date>",
      help: "bulk: only instances started on or before, same forms as --since",
      parse: parseDate,
    },
    {
      name: "concurrency",
      kind: "string",
      valueName: "<n>",
      help: `bulk: resumes in flight at once, 1 to 64 (default ${DEFAULT_CONCURRENCY})`,
      default: String(DEFAULT_CONCURRENCY),
      parse: (flag, text) => parseWholeNumber(flag, text, 1, 64),
    },
    {
      name: "max-rate",
      kind: "string",
      valueName: "<r>",
      help: `bulk: resumes started per second at most (default ${DEFAULT_MAX_RATE})`,
      default: String(DEFAULT_MAX_RATE),
      parse: parseRate,
    },
  ],
  relations: [
    DAG_CHOICE,
    {
      kind: "exclusive",
      flags: [
        { flag: "instance-id", means: "one instance", purpose: "to resume one instance" },
        { flag: "all-suspended", means: "all of them", purpose: "to resume every suspended one" },
      ],
      oneRequired: true,
    },
  ],
  dryRunReads: isBulkResume,
  examples: [
    "dmsflow resume --dag-id 11 --instance-id 3",
    "# every suspended instance, 16 at a time, at most 50 per second",
    "dmsflow resume --dag-id 11 --all-suspended --concurrency 16 --max-rate 50",
    "# which suspended instances of the last 7 days it would resume, changing nothing",
    "dmsflow resume --dag-id 11 --all-suspended --since 7d --dry-run",
    "# the suspended instances that failed a check, IDs from a pipe",
    "dmsflow instances --dag-id 11 --status suspended --query '[].Id' -o text | dmsflow resume --dag-id 11 --instance-id -",
    "# what would be sent, without sending it",
    "dmsflow resume --dag-id 11 --instance-id 3 --dry-run",
  ],
  load: async () => (await import("../handlers/instanceAction.js")).resumeHandler,
};

/** The spec of a one-instance command that has no other mode (suspend, stop, rerun, make-success). */
function instanceActionSpec(action: InstanceAction, summary: string, description: string, example: string): CommandSpec {
  const version = action.takesDagVersion ? " [--dag-version <v>]" : "";
  return {
    name: action.command,
    summary,
    group: "Instance commands",
    usage: [`dmsflow ${action.command} --dag-id <id>|--dag-name <name> --instance-id <id>${version} [--tid <tid>]`],
    description,
    flags: action.takesDagVersion ? [...DAG_FLAGS, INSTANCE_ID, DAG_VERSION, TID] : [...DAG_FLAGS, INSTANCE_ID, TID],
    relations: [DAG_CHOICE],
    examples: [example, `dmsflow ${action.command} --dag-id 11 --instance-id 3 --output json`],
    load: async () => (await import("../handlers/instanceAction.js")).instanceActionHandler(action),
  };
}

/** `dmsflow suspend`: SuspendTaskFlowInstance. */
export const suspend = instanceActionSpec(
  { command: "suspend", action: "SuspendTaskFlowInstance", done: "Suspended", takesDagVersion: false },
  "Suspend a running instance",
  "Suspends one running instance of a task flow (SuspendTaskFlowInstance). Resume it later with\n'dmsflow resume'.",
  "dmsflow suspend --dag-id 11 --instance-id 3",
);

/** `dmsflow stop`: StopTaskFlowInstance. */
export const stop = instanceActionSpec(
  { command: "stop", action: "StopTaskFlowInstance", done: "Stopped", takesDagVersion: false },
  "Stop an instance",
  "Stops one instance of a task flow that is waiting, running or suspended (StopTaskFlowInstance).",
  "dmsflow stop --dag-id 11 --instance-id 3",
);

/** `dmsflow rerun`: ReRunTaskFlowInstance. */
export const rerun = instanceActionSpec(
  { command: "rerun", action: "ReRunTaskFlowInstance", done: "Reran", takesDagVersion: true },
  "Run a finished instance again",
  "Runs one finished instance of a task flow again, all of its nodes (ReRunTaskFlowInstance).",
  "dmsflow rerun --dag-id 11 --instance-id 3 --dag-version 2",
);

/** `dmsflow make-success`: MakeTaskFlowInstanceSuccess. */
export const makeSuccess = instanceActionSpec(
  { command: "make-success", action: "MakeTaskFlowInstanceSuccess", done: "Marked as succeeded", takesDagVersion: false },
  "Mark an instance as succeeded",
  "Marks one instance of a task flow as succeeded (MakeTaskFlowInstanceSuccess), for example a failed\nrun that was fixed by hand, so that downstream work can go on.",
  "dmsflow make-success --dag-id 11 --instance-id 3",
);

/** The first wait between polls when --interval is not given (it doubles up to 30s). */
const DEFAULT_INTERVAL = "2s";

/** `dmsflow wait`: polls one instance, or one node of it, until it runs or finishes. */
export const wait: CommandSpec = {
  name: "wait",
  summary: "Wait until an instance (or one of its nodes) runs or finishes",
  group: "Instance commands",
  usage: [
    "dmsflow wait --dag-id <id>|--dag-name <name> --instance-id <id> --until running|finished [--timeout 10m] [--interval 2s]",
    "dmsflow wait --dag-id <id>|--dag-name <name> --instance-id <id> --node-id <id>|--node-name <name> --until running|finished",
  ],
  description:
    "Polls an instance (ListTaskFlowInstance) until it is running (--until running; an instance that\n" +
    "already finished counts too, since it ran) or has finished: failed, succeeded or completed\n" +
    "(--until finished). Prints the status it reached. Exit 0 when it got there; 1 when the instance\n" +
    "failed; 4 when --timeout (default 10m, the whole wait) ran out.\n" +
    "\n" +
    "With --node-id or --node-name it waits for that node of the run instead (GetTaskInstanceRelation,\n" +
    "one call a poll while the run's nodes run; the run's status too while none runs). Exit 1 when the\n" +
    "node failed, or when the run ended before the node ran.",
  flags: [
    ...DAG_FLAGS,
    INSTANCE_ID,
    TID,
    {
      name: "node-id",
      kind: "string",
      valueName: "<id>",
      help: "wait for this node of the run (a NodeId, from 'dmsflow status')",
      parse: parseId,
    },
    {
      name: "node-name",
      kind: "string",
      valueName: "<name>",
      help: "wait for the node with this name, exactly; instead of --node-id",
    },
    {
      name: "until",
      kind: "string",
      valueName: "<state>",
      help: "running or finished",
      choices: ["running", "finished"],
      required: true,
    },
    {
      name: "interval",
      kind: "string",
      valueName: "<duration>",
      help: `first wait between polls, doubling up to 30s (default ${DEFAULT_INTERVAL})`,
      default: DEFAULT_INTERVAL,
      parse: parseDuration,
    },
  ],
  relations: [
    DAG_CHOICE,
    {
      kind: "exclusive",
      flags: [
        { flag: "node-id", means: "by ID", purpose: "to wait for a node" },
        { flag: "node-name", means: "by name", purpose: "to name the node by its name" },
      ],
      oneRequired: false,
    },
  ],
  ownsTimeout: "how long to wait in all, e.g. 2m (default 10m)",
  examples: [
    "dmsflow wait --dag-id 11 --instance-id 3 --until running --timeout 2m",
    "# resume, then block until the run is over",
    "dmsflow resume --dag-id 11 --instance-id 3 && dmsflow wait --dag-id 11 --instance-id 3 --until finished",
    "# block until the node 'load' has run",
    "dmsflow wait --dag-id 11 --instance-id 3 --node-name load --until finished",
  ],
  load: async () => (await import("../handlers/wait.js")).waitHandler,
};

/** `dmsflow status`: one run's nodes, laid out as the flow's DAG, with the failed ones first to see. */
export const status: CommandSpec = {
  name: "status",
  summary: "Show a run's nodes as a graph with their statuses, and why it failed",
  group: "Instance commands",
  usage: ["dmsflow status --dag-id <id>|--dag-name <name> --instance-id <id> [--tid <tid>]"],
  description:
    "Shows one instance (run) of a task flow: its status, version, trigger and times, then every node\n" +
    "of the flow's graph in layers (a node comes after the nodes it waits for, named after '<-') with\n" +
    "the status and end time of its run. A failed node is marked '>' (red on a colour terminal) and\n" +
    "followed by its message. Reads GetTaskFlowGraph (the flow's current graph: the API has no graph\n" +
    "of an older version), GetTaskInstanceRelation and ListTaskFlowInstance. In a pipe it prints one\n" +
    "tab-separated line per node (ID, name, layer, status, end time, message); --output json prints\n" +
    "the whole view, with 'failedNodes'.",
  flags: [...DAG_FLAGS, INSTANCE_ID, TID],
  relations: [DAG_CHOICE],
  examples: [
    "dmsflow status --dag-id 11 --instance-id 3",
    "# the failed nodes' messages, for a script",
    "dmsflow status --dag-id 11 --instance-id 3 --output json | jq -r '.failedNodes[].message'",
  ],
  load: async () => (await import("../handlers/status.js")).statusHandler,
};

/** The first wait between polls of `watch` (it doubles while nothing changes, up to 8 times itself and 10s). */
const WATCH_INTERVAL = "1s";

/** `dmsflow watch`: a run's progress, live, until it ends. */
export const watch: CommandSpec = {
  name: "watch",
  summary: "Follow a run's nodes live until the run ends",
  group: "Instance commands",
  usage: ["dmsflow watch --dag-id <id>|--dag-name <name> --instance-id <id> [--interval 1s] [--timeout 10m] [--tid <tid>]"],
  description:
    "Follows one instance (run) until it has failed, succeeded or completed. On a terminal it redraws\n" +
    "the picture of 'dmsflow status' in place after every poll; in a pipe it prints a line when a\n" +
    "node's or the run's status changes ('12:00:03 node load: running -> succeeded'); --output json\n" +
    "prints only the final view. Each poll costs two API calls (GetTaskInstanceRelation and one\n" +
    "ListTaskFlowInstance); the graph is read once. Exit codes as 'dmsflow wait': 0 when the run\n" +
    "succeeded or completed, 1 when it failed, 4 when --timeout (default 10m) ran out.",
  flags: [
    ...DAG_FLAGS,
    INSTANCE_ID,
    TID,
    {
      name: "interval",
      kind: "string",
      valueName: "<duration>",
      help: `first wait between polls; doubles while nothing changes, to 8x and 10s at most (default ${WATCH_INTERVAL})`,
      default: WATCH_INTERVAL,
      parse: parseDuration,
    },
  ],
  relations: [DAG_CHOICE],
  ownsTimeout: "how long to watch in all, e.g. 30m (default 10m)",
  examples: [
    "dmsflow watch --dag-id 11 --instance-id 3",
    "# start a run and follow it; the exit code says how it ended",
    'dmsflow watch --dag-id 11 --instance-id "$(dmsflow run --dag-id 11 --output json | jq -r .DagInstanceId)"',
  ],
  load: async () => (await import("../handlers/watch.js")).watchHandler,
};
