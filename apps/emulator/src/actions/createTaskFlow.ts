import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { duplicateName, scenarioNotFound } from "./businessErrors.js";
import { inTenant, optionalText } from "./definitionScope.js";

/** CreateTaskFlow: an empty flow owned by the caller, optionally in a business scenario; answers its new DagId. */
export function createTaskFlow(store: Store): ActionHandler {
  return {
    writes: true,
    run: inTenant(({ values, tenant, accessKey }) => {
      const name = values.DagName as string;
      if (store.taskFlows.nameTakenBy(tenant.tid, name) !== undefined) return duplicateName(name, "task flow", tenant);
      const scenario = values.ScenarioId as string | undefined;
      if (scenario !== undefined && !store.scenarios.get(tenant.tid, BigInt(scenario))) return scenarioNotFound(scenario, tenant);
      const dagId = store.ids.next();
      // The emulator has no user directory: the caller is known by its AccessKey ID.
      store.taskFlows.create({
        dagId,
        tid: tenant.tid,
        name,
        description: optionalText(values, "Description") ?? "",
        scenarioId: scenario === undefined ? null : BigInt(scenario),
        creatorId: accessKey.id,
        creator: accessKey.id,
      });
      return success("CreateTaskFlow", { DagId: String(dagId) });
    }),
  };
}
