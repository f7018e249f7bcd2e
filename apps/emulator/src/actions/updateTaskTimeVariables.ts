import type { Store } from "../store/store.js";
import type { ActionHandler } from "./actionHandler.js";
import { updateTaskField } from "./updateTaskField.js";

/** UpdateTaskTimeVariables: replaces a node's time variables (checked like the flow's). */
export function updateTaskTimeVariables(store: Store): ActionHandler {
  return updateTaskField(store, { action: "UpdateTaskTimeVariables", parameter: "TimeVariables", field: "time_variables" });
}
