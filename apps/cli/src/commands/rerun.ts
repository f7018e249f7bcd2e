import { instanceActionSpec } from "./instanceActionSpec.js";

/** `dmsflow rerun`: ReRunTaskFlowInstance. */
export const rerun = instanceActionSpec(
  { command: "rerun", action: "ReRunTaskFlowInstance", done: "Reran", takesDagVersion: true },
  "Run a finished instance again",
  "Runs one finished instance of a task flow again, all of its nodes (ReRunTaskFlowInstance).",
  "dmsflow rerun --dag-id 11 --instance-id 3 --dag-version 2",
);
