import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { inTenant } from "./definitionScope.js";

/** ListScenarios: the tenant's business scenarios, by ID (ScenarioList is a bare array). */
export function listScenarios(store: Store): ActionHandler {
  return {
    writes: false,
    run: inTenant(({ tenant }) =>
      success("ListScenarios", {
        ScenarioList: store.scenarios.listOf(tenant.tid).map((s) => ({
          Id: String(s.scenario_id),
          ScenarioName: s.name,
          Description: s.description,
          CreatorId: s.creator_id,
        })),
      }),
    ),
  };
}
