import { instanceActionCommand } from "./instanceAction.js";

/** `dmsflow stop`: StopTaskFlowInstance. */
export const stop = instanceActionCommand(
  { command: "stop", action: "StopTaskFlowInstance", done: "Stopped", takesDagVersion: false },
  "Stops one instance of a task flow that is waiting, running or suspended (StopTaskFlowInstance).",
  "dmsflow stop --dag-id 11 --instance-id 3",
);
