// The specs of the commands that list what the other commands take: instances, task flows, versions, tenants.
import { parseWholeNumber } from "../args/parseNumber.js";
import type { CommandSpec } from "./commandSpec.js";
import { DAG_CHOICE, DAG_FLAGS, TID } from "./commonFlags.js";

// The status names come from the spec through @dmsflow/client, which `dmsflow --help` must not load;
// the date parser loads when a date is given (every module loaded costs each command's start-up).
const statusNames = () => import("../statusNames.js");
const parseDate = async (flag: string, text: string) => (await import("../args/parseDate.js")).parseDate(flag, text);

/** `dmsflow instances`: every instance of a task flow, page after page. */
export const instances: CommandSpec = {
  name: "instances",
  summary: "List the instances of a task flow (every page)",
  group: "Finding IDs",
  usage: [
    "dmsflow instances --dag-id <id>|--dag-name <name> [--status <status>] [--since <date>] [--until <date>] [--tid <tid>]",
  ],
  description:
    "Lists the instances (runs) of a task flow, following every page of ListTaskFlowInstance. On a\n" +
    "terminal it prints a table; in a pipe, one tab-separated line per instance (ID, status, version,\n" +
    "trigger, started, ended, business time, message); --output json prints an array of the API's\n" +
    "DAGInstance objects. Pages are printed as they arrive (json and text), so any number fits in memory.",
  flags: [
    ...DAG_FLAGS,
    {
      name: "status",
      kind: "string",
      valueName: "<status>",
      help: (choices) => `only this status: ${choices.join(", ")}`,
      choices: async () => (await statusNames()).STATUS_NAMES,
      parse: async (flag, text) => (await statusNames()).parseStatus(flag, text),
    },
    {
      name: "since",
      kind: "string",
      valueName: "<date>",
      help: "started on or after: 2024-01-31, today, yesterday or 7d (UTC)",
      parse: parseDate,
    },
    {
      name: "until",
      kind: "string",
      valueName: "<date>",
      help: "started on or before, same forms as --since",
      parse: parseDate,
    },
    TID,
    {
      name: "page-size",
      kind: "string",
      valueName: "<n>",
      help: "instances per API call, 1 to 100 (default 100)",
      default: "100",
      parse: (flag, text) => parseWholeNumber(flag, text, 1, 100),
    },
  ],
  relations: [DAG_CHOICE],
  examples: [
    "dmsflow instances --dag-id 11 --status suspended",
    "dmsflow instances --dag-id 11 --since 7d --output json",
    "# IDs of the failed instances, for a script",
    "dmsflow instances --dag-id 11 --status failed --output text | cut -f1",
  ],
  load: async () => (await import("../handlers/instances.js")).instancesHandler,
};

/** `dmsflow task-flows`: the task flows of a tenant; their IDs are what `--dag-id` takes. */
export const taskFlows: CommandSpec = {
  name: "task-flows",
  summary: "List the task flows of a tenant (their IDs are --dag-id)",
  group: "Finding IDs",
  usage: ["dmsflow task-flows [--tid <tid>]"],
  description:
    "Lists the task flows of your active tenant, or of --tid (ListTaskFlow): ID (the --dag-id of the\n" +
    "other commands), scheduling status (invalid, unscheduled, scheduled), the status and time of the\n" +
    "latest instance, owner and creator.",
  flags: [TID],
  examples: ["dmsflow task-flows", "dmsflow task-flows --tid 3 --output json"],
  load: async () => (await import("../handlers/taskFlows.js")).taskFlowsHandler,
};

/** `dmsflow flows`: the task flows with their names and schedules, optionally those whose name contains a text. */
export const flows: CommandSpec = {
  name: "flows",
  summary: "List task flows with names and schedules (every page; --search by name)",
  group: "Finding IDs",
  usage: ["dmsflow flows [--search <text>] [--tid <tid>] [--page-size <n>]"],
  description:
    "Lists the task flows of your active tenant, or of --tid, following every page of\n" +
    "ListTaskFlowsByPage: ID (the --dag-id of the other commands), name (what --dag-name takes),\n" +
    "scheduling status, deployment ID, schedule (on or off, cron expression, time zone, window) and the\n" +
    "latest run. --search keeps the flows whose name contains the text. --output json prints the API's\n" +
    "TaskFlowDetail objects, IDs as strings. 'dmsflow task-flows' lists the same flows from ListTaskFlow.",
  flags: [
    {
      name: "search",
      kind: "string",
      valueName: "<text>",
      help: "only task flows whose name contains this text (SearchKey)",
    },
    TID,
    {
      name: "page-size",
      kind: "string",
      valueName: "<n>",
      help: "task flows per API call, 1 to 100 (default 100)",
      default: "100",
      parse: (flag, text) => parseWholeNumber(flag, text, 1, 100),
    },
  ],
  examples: ["dmsflow flows", "dmsflow flows --search orders", "dmsflow flows --tid 3 --output json"],
  load: async () => (await import("../handlers/flows.js")).flowsHandler,
};

/** `dmsflow versions`: the published versions of a task flow, for `--dag-version`. */
export const versions: CommandSpec = {
  name: "versions",
  summary: "List the versions of a task flow (for --dag-version)",
  group: "Finding IDs",
  usage: ["dmsflow versions --dag-id <id>|--dag-name <name> [--tid <tid>]"],
  description:
    "Lists the published versions of a task flow (ListDAGVersions, every page): version ID, the\n" +
    "version before it, name, owner and comments. A version ID is what --dag-version takes.",
  flags: [...DAG_FLAGS, TID],
  relations: [DAG_CHOICE],
  examples: ["dmsflow versions --dag-id 11", "dmsflow versions --dag-id 11 --output json"],
  load: async () => (await import("../handlers/versions.js")).versionsHandler,
};

/** `dmsflow tenants`: the caller's tenants; their IDs are what `--tid` takes. */
export const tenants: CommandSpec = {
  name: "tenants",
  summary: "List your tenants (their IDs are --tid)",
  group: "Finding IDs",
  usage: ["dmsflow tenants"],
  description:
    "Lists the tenants your AccessKey may use (ListUserTenants) and marks the active one\n" +
    "(GetUserActiveTenant), which commands use when --tid is not given.",
  flags: [],
  examples: ["dmsflow tenants", "dmsflow tenants --output json"],
  load: async () => (await import("../handlers/tenants.js")).tenantsHandler,
};

/** `dmsflow flow-show`: a task flow's graph, in the layers `status` uses. */
export const flowShow: CommandSpec = {
  name: "flow-show",
  summary: "Show a task flow's graph: its nodes in layers, with types and IDs",
  group: "Finding IDs",
  usage: ["dmsflow flow-show --dag-id <id>|--dag-name <name> [--tid <tid>]"],
  description:
    "Shows the graph of a task flow (GetTaskFlowGraph) as 'dmsflow status' lays out a run, without\n" +
    "statuses: every node in layers (a node comes after the nodes it waits for, named after '<-'),\n" +
    "with its type and node ID. In a pipe it prints one tab-separated line per node (ID, name,\n" +
    "layer, type, upstream IDs); --output json prints the nodes and edges.",
  flags: [...DAG_FLAGS, TID],
  relations: [DAG_CHOICE],
  examples: ["dmsflow flow-show --dag-id 11", "dmsflow flow-show --dag-id 11 --output json"],
  load: async () => (await import("../handlers/flowShow.js")).flowShowHandler,
};
