import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";

/** The two owner-changing operations and the parameter each names the new owner with. */
export type OwnerChange =
  | { readonly action: "UpdateTaskFlowOwner"; readonly parameter: "NewOwnerId" }
  | { readonly action: "ChangeLhDagOwner"; readonly parameter: "OwnerUserId" };

/**
 * Hands a flow to another user. The emulator keeps no user directory, so any user ID is accepted;
 * the owner's nickname is the one the tenant already knows for that ID (from another flow), else the ID.
 */
export function changeFlowOwner(store: Store, change: OwnerChange): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow, { values, tenant }) => {
      const ownerId = String(values[change.parameter]).trim();
      store.taskFlows.setOwner(flow.dagId, ownerId, store.taskFlows.nicknameOf(tenant.tid, ownerId));
      return success(change.action, {});
    }),
  };
}
