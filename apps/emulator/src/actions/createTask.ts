import { isGatewayFailure } from "../gateway/gatewayError.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow, optionalText } from "./definitionScope.js";
import { nodeTypeCode } from "./taskNodeView.js";
import { parseTimeVariables } from "./timeVariables.js";

/**
 * CreateTask: adds a node to a flow's editable graph and answers its new NodeId. NodeType is kept as
 * given (a name such as NORMAL_SQL, or a numeric code such as "36"); GetTaskFlowGraph shows its
 * integer code (see nodeTypeCode).
 */
export function createTask(store: Store): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow, { values }) => {
      const timeVariables = optionalText(values, "TimeVariables");
      if (timeVariables !== undefined) {
        const parsed = parseTimeVariables(timeVariables, "TimeVariables");
        if (isGatewayFailure(parsed)) return parsed;
      }
      const typeName = (values.NodeType as string).trim();
      const nodeId = store.ids.next();
      store.nodes.create({
        dagId: flow.dagId,
        nodeId,
        name: values.NodeName as string,
        typeCode: nodeTypeCode(typeName),
        typeName,
        content: optionalText(values, "NodeContent") ?? "",
        graphParam: optionalText(values, "GraphParam") ?? "",
        timeVariables: timeVariables ?? "",
        output: optionalText(values, "NodeOutput") ?? "",
      });
      return success("CreateTask", { NodeId: String(nodeId) });
    }),
  };
}
