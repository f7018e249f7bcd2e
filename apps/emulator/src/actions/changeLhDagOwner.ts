import type { Store } from "../store/store.js";
import type { ActionHandler } from "./actionHandler.js";
import { changeFlowOwner } from "./changeFlowOwner.js";

/** ChangeLhDagOwner: hands a (data-warehouse) flow to the user OwnerUserId (a Long on the wire). */
export function changeLhDagOwner(store: Store): ActionHandler {
  return changeFlowOwner(store, { action: "ChangeLhDagOwner", parameter: "OwnerUserId" });
}
