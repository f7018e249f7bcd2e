import { parseDate } from "../args/parseDate.js";
import { parseWholeNumber } from "../args/parseNumber.js";
import type { CommandSpec } from "./commandSpec.js";
import { DAG_ID, TID } from "./commonFlags.js";

// The status names come from the spec through @dmsflow/client, which `dmsflow --help` must not load.
const statusNames = () => import("../statusNames.js");

/** `dmsflow instances`: every instance of a task flow, page after page. */
export const instances: CommandSpec = {
  name: "instances",
  summary: "List the instances of a task flow (every page)",
  group: "Finding IDs",
  usage: ["dmsflow instances --dag-id <id> [--status <status>] [--since <date>] [--until <date>] [--tid <tid>]"],
  description:
    "Lists the instances (runs) of a task flow, following every page of ListTaskFlowInstance. On a\n" +
    "terminal it prints a table; in a pipe, one tab-separated line per instance (ID, status, version,\n" +
    "trigger, started, ended, business time, message); --output json prints an array of the API's\n" +
    "DAGInstance objects. Pages are printed as they arrive (json and text), so any number fits in memory.",
  flags: [
    DAG_ID,
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
      parse: (flag, text) => parseDate(flag, text),
    },
    {
      name: "until",
      kind: "string",
      valueName: "<date>",
      help: "started on or before, same forms as --since",
      parse: (flag, text) => parseDate(flag, text),
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
  examples: [
    "dmsflow instances --dag-id 11 --status suspended",
    "dmsflow instances --dag-id 11 --since 7d --output json",
    "# IDs of the failed instances, for a script",
    "dmsflow instances --dag-id 11 --status failed --output text | cut -f1",
  ],
  load: async () => (await import("../handlers/instances.js")).instancesHandler,
};
