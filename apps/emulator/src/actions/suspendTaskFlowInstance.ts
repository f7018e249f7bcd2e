import { InstanceStatus } from "../store/instanceStatus.js";
import type { TransitionSpec } from "./transitionAction.js";

/** SuspendTaskFlowInstance: only a running instance can be paused (1 -> 2). */
export const SUSPEND: TransitionSpec = {
  from: [InstanceStatus.RUNNING],
  to: InstanceStatus.SUSPENDED,
  requirement: "only a running instance (status 1) can be suspended",
};
