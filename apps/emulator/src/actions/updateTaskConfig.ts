import type { Store } from "../store/store.js";
import type { ActionHandler } from "./actionHandler.js";
import { updateTaskField } from "./updateTaskField.js";

/** UpdateTaskConfig: replaces a node's advanced configuration. */
export function updateTaskConfig(store: Store): ActionHandler {
  return updateTaskField(store, { action: "UpdateTaskConfig", parameter: "NodeConfig", field: "config" });
}
