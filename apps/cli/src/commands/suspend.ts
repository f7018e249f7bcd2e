import { instanceActionSpec } from "./instanceActionSpec.js";

/** `dmsflow suspend`: SuspendTaskFlowInstance. */
export const suspend = instanceActionSpec(
  { command: "suspend", action: "SuspendTaskFlowInstance", done: "Suspended", takesDagVersion: false },
  "Suspend a running instance",
  "Suspends one running instance of a task flow (SuspendTaskFlowInstance). Resume it later with\n'dmsflow resume'.",
  "dmsflow suspend --dag-id 11 --instance-id 3",
);
