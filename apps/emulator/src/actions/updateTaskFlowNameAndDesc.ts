import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { duplicateName } from "./businessErrors.js";
import { onFlow, optionalText } from "./definitionScope.js";

/** UpdateTaskFlowNameAndDesc: renames a flow (names stay unique in the tenant); an omitted Description is kept. */
export function updateTaskFlowNameAndDesc(store: Store): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow, { values, tenant }) => {
      const name = values.DagName as string;
      if (store.taskFlows.nameTakenBy(tenant.tid, name, flow.dagId) !== undefined) {
        return duplicateName(name, "task flow", tenant);
      }
      store.taskFlows.setName(flow.dagId, name, optionalText(values, "Description") ?? null);
      return success("UpdateTaskFlowNameAndDesc", {});
    }),
  };
}
