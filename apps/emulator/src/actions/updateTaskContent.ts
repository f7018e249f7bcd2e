import type { Store } from "../store/store.js";
import type { ActionHandler } from "./actionHandler.js";
import { updateTaskField } from "./updateTaskField.js";

/** UpdateTaskContent: replaces a node's content (sent in the query). */
export function updateTaskContent(store: Store): ActionHandler {
  return updateTaskField(store, { action: "UpdateTaskContent", parameter: "NodeContent", field: "content" });
}
