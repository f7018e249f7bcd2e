import { instanceActionSpec } from "./instanceActionSpec.js";

/** `dmsflow stop`: StopTaskFlowInstance. */
export const stop = instanceActionSpec(
  { command: "stop", action: "StopTaskFlowInstance", done: "Stopped", takesDagVersion: false },
  "Stop an instance",
  "Stops one instance of a task flow that is waiting, running or suspended (StopTaskFlowInstance).",
  "dmsflow stop --dag-id 11 --instance-id 3",
);
