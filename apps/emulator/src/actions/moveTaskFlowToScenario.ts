import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { scenarioNotFound } from "./businessErrors.js";
import { onFlow } from "./definitionScope.js";

/** MoveTaskFlowToScenario: puts a flow in a scenario of its tenant; ScenarioId omitted, 0 or negative: the default scenario. */
export function moveTaskFlowToScenario(store: Store): ActionHandler {
  return {
    writes: true,
    run: onFlow(store, (flow, { values, tenant }) => {
      const given = values.ScenarioId as string | undefined;
      const target = given === undefined || BigInt(given) <= 0n ? null : BigInt(given);
      if (target !== null && !store.scenarios.get(tenant.tid, target)) return scenarioNotFound(given!, tenant);
      store.taskFlows.setScenario(flow.dagId, target);
      return success("MoveTaskFlowToScenario", {});
    }),
  };
}
