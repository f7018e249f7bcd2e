// The specs of the commands that act on a whole task flow: run it, publish it, take it offline, schedule
// it, and define it (create it, add nodes).
import { byRule } from "../args/parseByRule.js";
import { parseDuration } from "../args/parseDuration.js";
import type { CommandSpec } from "./commandSpec.js";
import { DAG_CHOICE, DAG_FLAGS, TID } from "./commonFlags.js";

const parseId = async (flag: string, text: string) => (await import("../args/parseId.js")).parseId(flag, text);

/** The first wait between polls of `run --wait` when --interval is not given (it doubles up to 30s), as `wait`. */
const DEFAULT_INTERVAL = "2s";

/** `dmsflow run`: TryRunTaskFlow, the new instance's ID, and with --wait how it ended. */
export const run: CommandSpec = {
  name: "run",
  summary: "Run a task flow now and print the new instance's ID",
  group: "Task flow commands",
  usage: ["dmsflow run --dag-id <id>|--dag-name <name> [--wait [--timeout 10m] [--interval 2s]] [--tid <tid>]"],
  description:
    "Starts a run of a task flow (TryRunTaskFlow: its current graph, triggered manually) and prints the\n" +
    "new instance's ID. With --wait it then polls the instance (one ListTaskFlowInstance call per poll)\n" +
    "until it ends and prints its final status; exit codes as 'dmsflow wait': 0 succeeded, 1 failed,\n" +
    "4 when --timeout (default 10m) ran out. --locate listing learns the ID from the flow's manual runs\n" +
    "listed before and after the call, for a service whose answer carries none; if another manual run\n" +
    "started meanwhile, it names both rather than guess.",
  flags: [
    ...DAG_FLAGS,
    TID,
    { name: "wait", kind: "boolean", help: "wait until the run ends and print its final status" },
    {
      name: "interval",
      kind: "string",
      valueName: "<duration>",
      help: `with --wait: first wait between polls, doubling up to 30s (default ${DEFAULT_INTERVAL})`,
      default: DEFAULT_INTERVAL,
      parse: parseDuration,
    },
    {
      name: "locate",
      kind: "string",
      valueName: "<how>",
      help: "how to learn the instance ID: answer (TryRunTaskFlow's, default) or listing",
      choices: ["answer", "listing"],
      default: "answer",
    },
  ],
  relations: [DAG_CHOICE, { kind: "dependsOn", flags: ["interval"], on: "wait" }],
  ownsTimeout: "with --wait: how long to wait in all, e.g. 30m (default 10m)",
  examples: [
    "dmsflow run --dag-id 11",
    "# run by name and block until it ends; exit code 1 if it failed",
    "dmsflow run --dag-name orders_etl --wait --timeout 30m",
  ],
  load: async () => (await import("../handlers/run.js")).runHandler,
};

/** `dmsflow publish`: PublishAndDeployTaskFlow. */
export const publish: CommandSpec = {
  name: "publish",
  summary: "Publish a task flow as a new version and deploy it",
  group: "Task flow commands",
  usage: ['dmsflow publish --dag-id <id>|--dag-name <name> [--comment "<text>"] [--tid <tid>]'],
  description:
    "Publishes the task flow as it is now edited as a new version and deploys it for scheduling\n" +
    "(PublishAndDeployTaskFlow); prints the deployment's ID. A schedule set with 'dmsflow schedule'\n" +
    "takes effect once published. 'dmsflow versions' lists the versions.",
  flags: [
    ...DAG_FLAGS,
    TID,
    { name: "comment", kind: "string", valueName: "<text>", help: "a comment for the new version (VersionComments)" },
  ],
  relations: [DAG_CHOICE],
  examples: ['dmsflow publish --dag-id 11 --comment "nightly load at 01:00"', "dmsflow publish --dag-name orders_etl"],
  load: async () => (await import("../handlers/flowPublishing.js")).publishHandler,
};

/** `dmsflow offline`: OfflineTaskFlow. */
export const offline: CommandSpec = {
  name: "offline",
  summary: "Take a published task flow offline (stop scheduling it)",
  group: "Task flow commands",
  usage: ["dmsflow offline --dag-id <id>|--dag-name <name> [--tid <tid>]"],
  description:
    "Takes a published task flow offline (OfflineTaskFlow): its schedule no longer starts runs until it\n" +
    "is published again. Runs already started go on; 'dmsflow stop' ends one.",
  flags: [...DAG_FLAGS, TID],
  relations: [DAG_CHOICE],
  examples: ["dmsflow offline --dag-id 11"],
  load: async () => (await import("../handlers/flowPublishing.js")).offlineHandler,
};

/** `dmsflow schedule`: UpdateTaskFlowSchedule, timed (cron) scheduling on or off. */
export const schedule: CommandSpec = {
  name: "schedule",
  summary: "Set a task flow's cron schedule, or turn scheduling off",
  group: "Task flow commands",
  usage: [
    "dmsflow schedule --dag-id <id>|--dag-name <name> --cron <expr> [--time-zone <zone>] [--begin <date>] [--end <date>] [--tid <tid>]",
    "dmsflow schedule --dag-id <id>|--dag-name <name> --off [--tid <tid>]",
  ],
  description:
    "Sets the timed schedule of a task flow (UpdateTaskFlowSchedule, TriggerType Cron): a cron\n" +
    "expression of 5 to 7 fields (seconds and year optional, as Quartz: '0 0 1 * * ? *' is 01:00 every\n" +
    "day), read in --time-zone (default Asia/Shanghai, as DMS), between --begin and --end when given.\n" +
    "--off turns scheduling off. The schedule takes effect once the flow is published again\n" +
    "('dmsflow publish'). Event scheduling and other settings: 'dmsflow call UpdateTaskFlowSchedule'.",
  flags: [
    ...DAG_FLAGS,
    TID,
    {
      name: "cron",
      kind: "string",
      valueName: "<expr>",
      help: "cron expression, e.g. '0 0 1 * * ? *' (01:00 every day)",
      parse: byRule("UpdateTaskFlowSchedule", "CronStr", "'0 0 1 * * ? *'"),
    },
    { name: "off", kind: "boolean", help: "turn scheduling off" },
    {
      name: "time-zone",
      kind: "string",
      valueName: "<zone>",
      help: "IANA time zone of the cron expression (default Asia/Shanghai)",
      parse: byRule("UpdateTaskFlowSchedule", "TimeZoneId", "Asia/Shanghai or UTC"),
    },
    { name: "begin", kind: "string", valueName: "<date>", help: "not scheduled before: yyyy-MM-dd or yyyy-MM-dd HH:mm:ss" },
    { name: "end", kind: "string", valueName: "<date>", help: "not scheduled after, same forms as --begin" },
  ],
  relations: [
    DAG_CHOICE,
    {
      kind: "exclusive",
      flags: [
        { flag: "cron", means: "a timed schedule", purpose: "to schedule the flow" },
        { flag: "off", means: "no schedule", purpose: "to turn scheduling off" },
      ],
      oneRequired: true,
    },
    { kind: "dependsOn", flags: ["time-zone", "begin", "end"], on: "cron" },
  ],
  examples: [
    "dmsflow schedule --dag-id 11 --cron '0 0 1 * * ? *' --time-zone UTC && dmsflow publish --dag-id 11",
    "dmsflow schedule --dag-name orders_etl --cron '0 30 * * * ? *' --begin 2026-01-01 --end 2026-12-31",
    "dmsflow schedule --dag-id 11 --off",
  ],
  load: async () => (await import("../handlers/flowPublishing.js")).scheduleHandler,
};

/** `dmsflow create-flow`: CreateTaskFlow, printing the new flow's ID. */
export const createFlow: CommandSpec = {
  name: "create-flow",
  summary: "Create an empty task flow and print its ID",
  group: "Task flow commands",
  usage: ['dmsflow create-flow --name <name> [--description "<text>"] [--scenario-id <id>] [--tid <tid>]'],
  description:
    "Creates a task flow with no nodes, not scheduled (CreateTaskFlow), and prints its ID: the --dag-id\n" +
    "of the other commands. Names are unique in a tenant. Add nodes with 'dmsflow add-node', try it with\n" +
    "'dmsflow run', then 'dmsflow publish' it for scheduled runs.",
  flags: [
    { name: "name", kind: "string", valueName: "<name>", help: "the task flow's name (DagName)", required: true },
    { name: "description", kind: "string", valueName: "<text>", help: "what the task flow is for" },
    {
      name: "scenario-id",
      kind: "string",
      valueName: "<id>",
      help: "the business scenario to put it in (from 'dmsflow call ListScenarios')",
      parse: parseId,
    },
    TID,
  ],
  examples: [
    'dmsflow create-flow --name orders_etl --description "nightly orders load"',
    "# keep the ID for the next commands",
    "DAG=$(dmsflow create-flow --name orders_etl) && dmsflow add-node --dag-id $DAG --name extract --type NORMAL_SQL",
  ],
  load: async () => (await import("../handlers/flowEditing.js")).createFlowHandler,
};

/** `dmsflow add-node`: CreateTask, then AddTaskFlowEdges from the --after nodes. */
export const addNode: CommandSpec = {
  name: "add-node",
  summary: "Add a node to a task flow, after other nodes, and print its ID",
  group: "Task flow commands",
  usage: [
    "dmsflow add-node --dag-id <id>|--dag-name <name> --name <name> --type <type> [--after <node>]... [--content <json>|file://<path>] [--tid <tid>]",
  ],
  description:
    "Adds a node to the task flow's editing graph (CreateTask) and prints its ID. --after (repeatable)\n" +
    "makes it run once those nodes succeeded: each a node name (exactly) or ID, checked against the\n" +
    "flow's graph before anything changes, then joined in one AddTaskFlowEdges call. --content is what\n" +
    "the node runs (NodeContent: JSON text whose fields depend on the type, e.g. dbId and sql for\n" +
    "NORMAL_SQL), sent as written; file://<path> reads it from a file. 'dmsflow run' runs the editing\n" +
    "graph; scheduled runs use it once published ('dmsflow publish'). Other edits go through 'dmsflow\n" +
    "call' (UpdateTaskContent, DeleteTask and the like).",
  flags: [
    ...DAG_FLAGS,
    TID,
    { name: "name", kind: "string", valueName: "<name>", help: "the node's name (NodeName)", required: true },
    {
      name: "type",
      kind: "string",
      valueName: "<type>",
      help: "node type, e.g. NORMAL_SQL (single-instance SQL); completion lists the documented ones",
      required: true,
      // The documented types, for completion; others are accepted (the list is open, as DMS adds types).
      choices: async () => Object.values((await import("@dmsflow/client")).NodeType),
      parse: (_flag: string, text: string) => text,
    },
    {
      name: "after",
      kind: "string",
      valueName: "<node>",
      help: "run after this node (name or ID); repeat for several",
      repeatable: true,
    },
    { name: "content", kind: "string", valueName: "<json|file://path>", help: "what the node runs, as JSON text (NodeContent)" },
  ],
  relations: [DAG_CHOICE],
  examples: [
    "dmsflow add-node --dag-id 11 --name extract --type NORMAL_SQL --content file://extract.json",
    "dmsflow add-node --dag-name orders_etl --name load --type NORMAL_SQL --after extract --after clean",
  ],
  load: async () => (await import("../handlers/flowEditing.js")).addNodeHandler,
};
