import type { Store } from "../store/store.js";
import type { ActionHandler } from "./actionHandler.js";
import { changeFlowOwner } from "./changeFlowOwner.js";

/** UpdateTaskFlowOwner: hands a flow to the user NewOwnerId (a string on the wire). */
export function updateTaskFlowOwner(store: Store): ActionHandler {
  return changeFlowOwner(store, { action: "UpdateTaskFlowOwner", parameter: "NewOwnerId" });
}
