import type { Store } from "../store/store.js";
import type { ActionHandler } from "./actionHandler.js";
import { updateTaskField } from "./updateTaskField.js";

/** UpdateTaskContentV2: replaces a node's content, sent in the request body (no Tid: the caller's active tenant). */
export function updateTaskContentV2(store: Store): ActionHandler {
  return updateTaskField(store, { action: "UpdateTaskContentV2", parameter: "NodeContent", field: "content" });
}
