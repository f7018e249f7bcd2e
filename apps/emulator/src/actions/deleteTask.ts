import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onNode } from "./definitionScope.js";

/** DeleteTask: removes a node from its flow's editable graph, with the edges that start or end at it. */
export function deleteTask(store: Store): ActionHandler {
  return {
    writes: true,
    run: onNode(store, (node) => {
      store.nodes.delete(node);
      return success("DeleteTask", {});
    }),
  };
}
