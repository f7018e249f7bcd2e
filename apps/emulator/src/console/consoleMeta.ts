import { InstanceStatus, InstanceStatusDescriptions, InstanceTriggerType, operationTable } from "@dmsflow/client";
import type { EmulatorContext } from "../emulatorContext.js";
import { FAULT_OUTCOMES } from "../faults/faultSettings.js";
import { RUN_ACTIONS } from "./consoleActions.js";

/**
 * What the page needs to know of the domain, from the spec's generated tables (never a hand-written
 * list in the browser): status and trigger type names, status descriptions, the run actions with the
 * statuses they accept, the operations (for fault rules) and the fault outcomes.
 */
export function consoleMeta(ctx: EmulatorContext): unknown {
  return {
    statuses: Object.entries(InstanceStatus).map(([name, value]) => ({
      name,
      value,
      description: InstanceStatusDescriptions[value],
    })),
    triggerTypes: Object.entries(InstanceTriggerType).map(([name, value]) => ({ name, value })),
    runActions: Object.entries(RUN_ACTIONS).map(([verb, spec]) => ({ verb, action: spec.action, from: spec.from })),
    operations: Object.keys(operationTable),
    faultOutcomes: FAULT_OUTCOMES,
    reseedable: ctx.startupSeed !== undefined,
    eventsPath: "/_emulator/events",
  };
}
