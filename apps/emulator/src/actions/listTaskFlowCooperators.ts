import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onFlow } from "./definitionScope.js";

/** ListTaskFlowCooperators: the users who work on a flow (UserId, and the nickname the tenant knows, else the ID). */
export function listTaskFlowCooperators(store: Store): ActionHandler {
  return {
    writes: false,
    run: onFlow(store, (flow, { tenant }) =>
      success("ListTaskFlowCooperators", {
        CooperatorList: {
          Cooperator: store.flowSettings
            .cooperators(flow.dagId)
            .map((id) => ({ UserId: id, NickName: store.taskFlows.nicknameOf(tenant.tid, id) })),
        },
      }),
    ),
  };
}
