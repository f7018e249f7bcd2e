import type { GraphEdge, GraphNode, TaskFlowGraphStatus } from "@dmsflow/client";
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
      const nodes = store.flows.nodes(flow.dagId).map(
        (n): GraphNode => ({
          NodeId: String(n.node_id),
          DagId: String(flow.dagId),
          NodeName: n.name,
          NodeType: String(n.node_type),
          NodeContent: n.content,
          NodeConfig: n.config,
          GraphParam: n.graph_param,
          TimeVariables: n.time_variables,
        }),
      );
      const edges = store.flows.edges(flow.dagId).map(
        (e): GraphEdge => ({
          Id: String(e.edge_id),
          DagId: String(flow.dagId),
          NodeFrom: String(e.node_from),
          NodeEnd: String(e.node_end),
        }),
      );
      return success("GetTaskFlowGraph", {
        TaskFlowGraph: {
          CanEdit: flow.canEdit,
          DagName: flow.name,
          Status: flow.status as TaskFlowGraphStatus,
          Nodes: { Node: nodes },
          Edges: { Edge: edges },
        },
      });
    },
  };
}
