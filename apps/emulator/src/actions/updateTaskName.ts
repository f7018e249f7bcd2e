import type { Store } from "../store/store.js";
import type { ActionHandler } from "./actionHandler.js";
import { updateTaskField } from "./updateTaskField.js";

/** UpdateTaskName: renames a node. */
export function updateTaskName(store: Store): ActionHandler {
  return updateTaskField(store, { action: "UpdateTaskName", parameter: "NodeName", field: "name" });
}
