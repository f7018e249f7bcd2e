import { type ActionName, operationTable } from "@dmsflow/client";
import type { Store } from "../store/store.js";
import type { ActionHandlers } from "./actionHandler.js";
import { createDefinitionHandlers } from "./definitionHandlers.js";
import { getTaskFlowGraph } from "./getTaskFlowGraph.js";
import { getTaskInstanceRelation } from "./getTaskInstanceRelation.js";
import { getUserActiveTenant } from "./getUserActiveTenant.js";
import { listDAGVersions } from "./listDAGVersions.js";
import { listTaskFlow } from "./listTaskFlow.js";
import { listTaskFlowInstance } from "./listTaskFlowInstance.js";
import { listUserTenants } from "./listUserTenants.js";
import { MAKE_SUCCESS } from "./makeTaskFlowInstanceSuccess.js";
import { notEmulated } from "./notEmulated.js";
import { offlineTaskFlow } from "./offlineTaskFlow.js";
import { publishAndDeployTaskFlow } from "./publishAndDeployTaskFlow.js";
import { reDeployLhDagVersion } from "./reDeployLhDagVersion.js";
import { RERUN } from "./reRunTaskFlowInstance.js";
import { RESUME } from "./resumeTaskFlowInstance.js";
import { STOP } from "./stopTaskFlowInstance.js";
import { SUSPEND } from "./suspendTaskFlowInstance.js";
import { type TransitionOptions, transitionAction } from "./transitionAction.js";
import { tryRunTaskFlow } from "./tryRunTaskFlow.js";
import { updateTaskFlowSchedule } from "./updateTaskFlowSchedule.js";

/** The behaviour of every operation in the generated table, with statements prepared against the store. */
export function createActionHandlers(store: Store, options: TransitionOptions): ActionHandlers {
  // Operations without behaviour yet answer Emulator.NotImplemented; the ones below replace theirs.
  const pending = Object.fromEntries(
    (Object.keys(operationTable) as ActionName[]).map((action) => [action, notEmulated(action)]),
  ) as ActionHandlers;
  return {
    ...pending,
    ...createDefinitionHandlers(store, options.engine),
    ResumeTaskFlowInstance: transitionAction(store, RESUME, options),
    SuspendTaskFlowInstance: transitionAction(store, SUSPEND, options),
    StopTaskFlowInstance: transitionAction(store, STOP, options),
    ReRunTaskFlowInstance: transitionAction(store, RERUN, options),
    MakeTaskFlowInstanceSuccess: transitionAction(store, MAKE_SUCCESS, options),
    ListTaskFlowInstance: listTaskFlowInstance(store),
    ListTaskFlow: listTaskFlow(store),
    GetTaskFlowGraph: getTaskFlowGraph(store),
    ListDAGVersions: listDAGVersions(store),
    GetUserActiveTenant: getUserActiveTenant(),
    ListUserTenants: listUserTenants(store),
    PublishAndDeployTaskFlow: publishAndDeployTaskFlow({ store, engine: options.engine }),
    OfflineTaskFlow: offlineTaskFlow({ store, engine: options.engine }),
    ReDeployLhDagVersion: reDeployLhDagVersion({ store, engine: options.engine }),
    UpdateTaskFlowSchedule: updateTaskFlowSchedule({ store, engine: options.engine }),
    TryRunTaskFlow: tryRunTaskFlow({ store, engine: options.engine }),
    GetTaskInstanceRelation: getTaskInstanceRelation({ store, engine: options.engine }),
  };
}
