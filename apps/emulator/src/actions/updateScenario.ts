import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { duplicateName, scenarioNotFound } from "./businessErrors.js";
import { decimalId, inTenant, optionalText } from "./definitionScope.js";

/** UpdateScenario: renames a business scenario (ScenarioId a string on the wire); an omitted Description is kept. */
export function updateScenario(store: Store): ActionHandler {
  return {
    writes: true,
    run: inTenant(({ values, tenant }) => {
      const id = decimalId(values, "ScenarioId");
      if (typeof id !== "bigint") return id;
      if (!store.scenarios.get(tenant.tid, id)) return scenarioNotFound(String(id), tenant);
      const name = values.ScenarioName as string;
      if (store.scenarios.nameTakenBy(tenant.tid, name, id) !== undefined)
        return duplicateName(name, "business scenario", tenant);
      store.scenarios.rename(id, name, optionalText(values, "Description") ?? null);
      return success("UpdateScenario", {});
    }),
  };
}
