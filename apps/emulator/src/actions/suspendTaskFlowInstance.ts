import { InstanceStatus } from "@dmsflow/client";
import type { TransitionSpec } from "./transitionAction.js";

/** SuspendTaskFlowInstance: only a running instance can be paused (1 -> 2). */
export const SUSPEND: TransitionSpec = {
  action: "SuspendTaskFlowInstance",
  from: [InstanceStatus.running],
  to: InstanceStatus.suspended,
  requirement: "only a running instance (status 1) can be suspended",
};
