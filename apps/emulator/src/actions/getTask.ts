import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onNode } from "./definitionScope.js";
import { nodeTypeOf } from "./taskNodeView.js";

/** GetTask: the settings of one node of the tenant's flows. */
export function getTask(store: Store): ActionHandler {
  return {
    writes: false,
    run: onNode(store, (node) =>
      success("GetTask", {
        Task: {
          DagId: String(node.dag_id),
          NodeName: node.name,
          NodeType: nodeTypeOf(node),
          NodeContent: node.content,
          NodeConfig: node.config,
          NodeOutput: node.output,
          GraphParam: node.graph_param,
          TimeVariables: node.time_variables,
        },
      }),
    ),
  };
}
