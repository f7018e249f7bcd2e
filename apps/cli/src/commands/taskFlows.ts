import type { CommandSpec } from "./commandSpec.js";
import { TID } from "./commonFlags.js";

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
