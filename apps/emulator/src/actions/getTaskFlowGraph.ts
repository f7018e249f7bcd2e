import { member, object, str } from "../json/jsonText.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { taskFlowNotFound, tenantNotExist } from "./businessErrors.js";

/** GetTaskFlowGraph: a flow's name, status, nodes and edges. */
export function getTaskFlowGraph(store: Store): ActionHandler {
  return {
    writes: false,
    run({ values, tenant }) {
      if (!tenant) return tenantNotExist();
      const dagId = values.DagId as string;
      const flow = store.catalog.taskFlowOf(tenant.tid, dagId);
      if (!flow) return taskFlowNotFound(dagId, tenant);
      const nodes = store.flows
        .nodes(flow.dagId)
        .map((n) =>
          object([
            member("NodeId", String(n.node_id)),
            member("DagId", String(flow.dagId)),
            member("NodeName", str(n.name)),
            member("NodeType", String(n.node_type)),
            member("NodeContent", str(n.content)),
            member("NodeConfig", str(n.config)),
            member("GraphParam", str(n.graph_param)),
            member("TimeVariables", str(n.time_variables)),
          ]),
        );
      const edges = store.flows
        .edges(flow.dagId)
        .map((e) =>
          object([
            member("Id", String(e.edge_id)),
            member("DagId", String(flow.dagId)),
            member("NodeFrom", String(e.node_from)),
            member("NodeEnd", String(e.node_end)),
          ]),
        );
      const graph = object([
        member("CanEdit", String(flow.canEdit)),
        member("DagName", str(flow.name)),
        member("Status", String(flow.status)),
        member("Nodes", `{"Node":[${nodes.join(",")}]}`),
        member("Edges", `{"Edge":[${edges.join(",")}]}`),
      ]);
      return success(`"TaskFlowGraph":${graph}`);
    },
  };
}
