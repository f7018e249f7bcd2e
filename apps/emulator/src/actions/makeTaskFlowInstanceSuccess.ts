import { InstanceStatus } from "@dmsflow/client";
import type { TransitionSpec } from "./transitionAction.js";

/** MakeTaskFlowInstanceSuccess: a failed or suspended instance is marked succeeded (2, 3 -> 4). */
export const MAKE_SUCCESS: TransitionSpec = {
  action: "MakeTaskFlowInstanceSuccess",
  from: [InstanceStatus.suspended, InstanceStatus.failed],
  to: InstanceStatus.succeeded,
  endsRun: true,
  message: "Marked successful by MakeTaskFlowInstanceSuccess.",
  requirement: "only a suspended or failed instance (status 2 or 3) can be marked successful",
};
