import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { duplicateName } from "./businessErrors.js";
import { inTenant, optionalText } from "./definitionScope.js";

/** CreateScenario: a business scenario of the tenant (names unique in the tenant); answers its ScenarioId. */
export function createScenario(store: Store): ActionHandler {
  return {
    writes: true,
    run: inTenant(({ values, tenant, accessKey }) => {
      const name = values.ScenarioName as string;
      if (store.scenarios.nameTakenBy(tenant.tid, name) !== undefined) return duplicateName(name, "business scenario", tenant);
      const id = store.ids.next();
      store.scenarios.create({
        id,
        tid: tenant.tid,
        name,
        description: optionalText(values, "Description") ?? "",
        creatorId: accessKey.id,
      });
      return success("CreateScenario", { ScenarioId: String(id) });
    }),
  };
}
