import { InstanceStatus } from "@dmsflow/client";
import type { TransitionSpec } from "./transitionAction.js";

/**
 * ReRunTaskFlowInstance: a finished instance runs again from the start, under the same Id (3, 4, 5 -> 1);
 * a DagVersion in the request becomes the version it runs.
 */
export const RERUN: TransitionSpec = {
  action: "ReRunTaskFlowInstance",
  from: [InstanceStatus.failed, InstanceStatus.succeeded, InstanceStatus.completed],
  to: InstanceStatus.running,
  startsRun: true,
  takesVersion: true,
  message: "",
  requirement: "only a failed, succeeded or completed instance (status 3, 4 or 5) can be rerun",
};
