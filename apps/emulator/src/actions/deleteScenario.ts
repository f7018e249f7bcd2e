import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { scenarioNotFound } from "./businessErrors.js";
import { inTenant } from "./definitionScope.js";

/** DeleteScenario: removes a business scenario; its flows move to the default scenario (they are not deleted). */
export function deleteScenario(store: Store): ActionHandler {
  return {
    writes: true,
    run: inTenant(({ values, tenant }) => {
      const id = values.ScenarioId as string;
      if (!store.scenarios.get(tenant.tid, BigInt(id))) return scenarioNotFound(id, tenant);
      store.scenarios.delete(BigInt(id));
      return success("DeleteScenario", {});
    }),
  };
}
