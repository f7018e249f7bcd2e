import { instanceActionSpec } from "./instanceActionSpec.js";

/** `dmsflow make-success`: MakeTaskFlowInstanceSuccess. */
export const makeSuccess = instanceActionSpec(
  { command: "make-success", action: "MakeTaskFlowInstanceSuccess", done: "Marked as succeeded", takesDagVersion: false },
  "Mark an instance as succeeded",
  "Marks one instance of a task flow as succeeded (MakeTaskFlowInstanceSuccess), for example a failed\nrun that was fixed by hand, so that downstream work can go on.",
  "dmsflow make-success --dag-id 11 --instance-id 3",
);
