import type { Engine } from "../engine/engine.js";
import type { Store } from "../store/store.js";
import type { ActionHandlers } from "./actionHandler.js";
import { addTaskFlowEdges } from "./addTaskFlowEdges.js";
import { changeLhDagOwner } from "./changeLhDagOwner.js";
import { createScenario } from "./createScenario.js";
import { createTask } from "./createTask.js";
import { createTaskFlow } from "./createTaskFlow.js";
import { deleteScenario } from "./deleteScenario.js";
import { deleteTask } from "./deleteTask.js";
import { deleteTaskFlow } from "./deleteTaskFlow.js";
import { deleteTaskFlowEdgesByCondition } from "./deleteTaskFlowEdgesByCondition.js";
import { getTask } from "./getTask.js";
import { getTaskFlowNotification } from "./getTaskFlowNotification.js";
import { listLhTaskFlowAndScenario } from "./listLhTaskFlowAndScenario.js";
import { listScenarios } from "./listScenarios.js";
import { listTaskFlowConstants } from "./listTaskFlowConstants.js";
import { listTaskFlowCooperators } from "./listTaskFlowCooperators.js";
import { listTaskFlowEdgesByCondition } from "./listTaskFlowEdgesByCondition.js";
import { listTaskFlowsByPage } from "./listTaskFlowsByPage.js";
import { listTaskFlowTimeVariables } from "./listTaskFlowTimeVariables.js";
import { listTasksInTaskFlow } from "./listTasksInTaskFlow.js";
import { moveTaskFlowToScenario } from "./moveTaskFlowToScenario.js";
import { updateScenario } from "./updateScenario.js";
import { updateTaskConfig } from "./updateTaskConfig.js";
import { updateTaskContent } from "./updateTaskContent.js";
import { updateTaskContentV2 } from "./updateTaskContentV2.js";
import { updateTaskFlowConstants } from "./updateTaskFlowConstants.js";
import { updateTaskFlowCooperators } from "./updateTaskFlowCooperators.js";
import { updateTaskFlowEdges } from "./updateTaskFlowEdges.js";
import { updateTaskFlowNameAndDesc } from "./updateTaskFlowNameAndDesc.js";
import { updateTaskFlowNotification } from "./updateTaskFlowNotification.js";
import { updateTaskFlowOwner } from "./updateTaskFlowOwner.js";
import { updateTaskFlowRelations } from "./updateTaskFlowRelations.js";
import { updateTaskFlowTimeVariables } from "./updateTaskFlowTimeVariables.js";
import { updateTaskName } from "./updateTaskName.js";
import { updateTaskOutput } from "./updateTaskOutput.js";
import { updateTaskTimeVariables } from "./updateTaskTimeVariables.js";

/** The handlers of the flow-definition operations: flows, nodes, edges, flow settings and business scenarios. */
export function createDefinitionHandlers(store: Store, engine: Engine): Partial<ActionHandlers> {
  return {
    CreateTaskFlow: createTaskFlow(store),
    DeleteTaskFlow: deleteTaskFlow(store, engine),
    UpdateTaskFlowNameAndDesc: updateTaskFlowNameAndDesc(store),
    UpdateTaskFlowOwner: updateTaskFlowOwner(store),
    ChangeLhDagOwner: changeLhDagOwner(store),
    MoveTaskFlowToScenario: moveTaskFlowToScenario(store),
    ListTaskFlowsByPage: listTaskFlowsByPage(store, engine.schedules),
    ListLhTaskFlowAndScenario: listLhTaskFlowAndScenario(store),
    CreateTask: createTask(store),
    DeleteTask: deleteTask(store),
    GetTask: getTask(store),
    ListTasksInTaskFlow: listTasksInTaskFlow(store),
    UpdateTaskName: updateTaskName(store),
    UpdateTaskContent: updateTaskContent(store),
    UpdateTaskContentV2: updateTaskContentV2(store),
    UpdateTaskConfig: updateTaskConfig(store),
    UpdateTaskOutput: updateTaskOutput(store),
    UpdateTaskTimeVariables: updateTaskTimeVariables(store),
    AddTaskFlowEdges: addTaskFlowEdges(store),
    UpdateTaskFlowEdges: updateTaskFlowEdges(store),
    DeleteTaskFlowEdgesByCondition: deleteTaskFlowEdgesByCondition(store),
    ListTaskFlowEdgesByCondition: listTaskFlowEdgesByCondition(store),
    UpdateTaskFlowRelations: updateTaskFlowRelations(store),
    GetTaskFlowNotification: getTaskFlowNotification(store),
    UpdateTaskFlowNotification: updateTaskFlowNotification(store),
    ListTaskFlowConstants: listTaskFlowConstants(store),
    UpdateTaskFlowConstants: updateTaskFlowConstants(store),
    ListTaskFlowTimeVariables: listTaskFlowTimeVariables(store),
    UpdateTaskFlowTimeVariables: updateTaskFlowTimeVariables(store),
    ListTaskFlowCooperators: listTaskFlowCooperators(store),
    UpdateTaskFlowCooperators: updateTaskFlowCooperators(store),
    CreateScenario: createScenario(store),
    DeleteScenario: deleteScenario(store),
    UpdateScenario: updateScenario(store),
    ListScenarios: listScenarios(store),
  };
}
