import { isGatewayFailure } from "../gateway/gatewayError.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";
import { checkEdges } from "./edgeChecks.js";
import { readEdges } from "./edgeParameters.js";

/** AddTaskFlowEdges: adds dependencies between nodes of a flow, all or none; answers the new edge IDs in order. */
export function addTaskFlowEdges(store: Store): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow, { values }) => {
      const requested = readEdges(values);
      if (isGatewayFailure(requested)) return requested;
      const existing = store.edges.listOf(flow.dagId);
      // Checked before any ID is allocated: a refused request changes nothing.
      const refused = checkEdges(
        flow.dagId,
        (node) => store.nodes.has(flow.dagId, node),
        existing,
        requested.map((e) => ({ id: 0n, from: e.from, end: e.end })),
      );
      if (refused) return refused;
      const added = requested.map((e) => ({ id: store.ids.next(), from: e.from, end: e.end }));
      store.edges.add(flow.dagId, added);
      return success("AddTaskFlowEdges", { EdgeIds: { EdgeId: added.map((e) => String(e.id)) } });
    }),
  };
}
