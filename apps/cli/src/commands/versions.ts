import type { CommandSpec } from "./commandSpec.js";
import { DAG_ID, TID } from "./commonFlags.js";

/** `dmsflow versions`: the published versions of a task flow, for `--dag-version`. */
export const versions: CommandSpec = {
  name: "versions",
  summary: "List the versions of a task flow (for --dag-version)",
  group: "Finding IDs",
  usage: ["dmsflow versions --dag-id <id> [--tid <tid>]"],
  description:
    "Lists the published versions of a task flow (ListDAGVersions, every page): version ID, the\n" +
    "version before it, name, owner and comments. A version ID is what --dag-version takes.",
  flags: [DAG_ID, TID],
  examples: ["dmsflow versions --dag-id 11", "dmsflow versions --dag-id 11 --output json"],
  load: async () => (await import("../handlers/versions.js")).versionsHandler,
};
