import type { TaskSummary } from "@dmsflow/client";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";
import { nodeTypeOf } from "./taskNodeView.js";

/** ListTasksInTaskFlow: the nodes of a flow's editable graph, by NodeId (a string in this answer). */
export function listTasksInTaskFlow(store: Store): ActionHandler {
  return {
    writes: false,
    run: onFlow(store, (flow) => {
      const tasks = store.nodes.listOf(flow.dagId).map(
        (node): TaskSummary => ({
          NodeId: String(node.node_id),
          NodeName: node.name,
          NodeType: nodeTypeOf(node),
          NodeContent: node.content,
          NodeConfig: node.config,
          NodeOutput: node.output,
          GraphParam: node.graph_param,
          TimeVariables: node.time_variables,
        }),
      );
      return success("ListTasksInTaskFlow", { Tasks: { Task: tasks } });
    }),
  };
}
