import { instanceActionCommand } from "./instanceAction.js";

/** `dmsflow suspend`: SuspendTaskFlowInstance. */
export const suspend = instanceActionCommand(
  { command: "suspend", action: "SuspendTaskFlowInstance", done: "Suspended", takesDagVersion: false },
  "Suspends one running instance of a task flow (SuspendTaskFlowInstance). Resume it later with\n'dmsflow resume'.",
  "dmsflow suspend --dag-id 11 --instance-id 3",
);
