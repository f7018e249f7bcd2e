import { InstanceStatus } from "../store/instanceStatus.js";
import type { TransitionSpec } from "./transitionAction.js";

/** MakeTaskFlowInstanceSuccess: a failed or suspended instance is marked succeeded (2, 3 -> 4). */
export const MAKE_SUCCESS: TransitionSpec = {
  from: [InstanceStatus.SUSPENDED, InstanceStatus.FAILED],
  to: InstanceStatus.SUCCEEDED,
  endsRun: true,
  message: "Marked successful by MakeTaskFlowInstanceSuccess.",
  requirement: "only a suspended or failed instance (status 2 or 3) can be marked successful",
};
