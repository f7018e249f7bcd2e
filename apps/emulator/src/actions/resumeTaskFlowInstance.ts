import { InstanceStatus } from "@dmsflow/client";
import type { TransitionSpec } from "./transitionAction.js";

/** ResumeTaskFlowInstance: only a suspended instance resumes, and it runs again (2 -> 1). */
export const RESUME: TransitionSpec = {
  action: "ResumeTaskFlowInstance",
  from: [InstanceStatus.suspended],
  to: InstanceStatus.running,
  requirement: "only a suspended instance (status 2) can be resumed",
};
