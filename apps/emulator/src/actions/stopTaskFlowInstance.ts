import { InstanceStatus } from "@dmsflow/client";
import type { TransitionSpec } from "./transitionAction.js";

/** StopTaskFlowInstance: an instance that has not finished is stopped and ends as failed (0, 1, 2 -> 3). */
export const STOP: TransitionSpec = {
  action: "StopTaskFlowInstance",
  from: [InstanceStatus.waiting, InstanceStatus.running, InstanceStatus.suspended],
  to: InstanceStatus.failed,
  endsRun: true,
  message: "Stopped by StopTaskFlowInstance.",
  requirement: "only a waiting, running or suspended instance (status 0, 1 or 2) can be stopped",
};
