import type { Store } from "../store/store.js";
import type { ActionHandler } from "./actionHandler.js";
import { updateTaskField } from "./updateTaskField.js";

/** UpdateTaskOutput: replaces a node's output variables. */
export function updateTaskOutput(store: Store): ActionHandler {
  return updateTaskField(store, { action: "UpdateTaskOutput", parameter: "NodeOutput", field: "output" });
}
