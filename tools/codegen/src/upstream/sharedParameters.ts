import type { Drift } from "./compareOperation.js";
import type { SpecOperation } from "./specOperations.js";

/** A shared parameter (components/parameters) to change in place, with the drift every user shares. */
export interface ComponentEdit {
  readonly action: string;
  readonly drifts: readonly Drift[];
}

/**
 * Decides where a change to a shared parameter goes. When every operation that keeps using it
 * drifted in exactly the same way (Alibaba changed Tid everywhere), the component changes, so the
 * spec keeps one definition. Otherwise the operations that differ get their own inline copy and the
 * others keep the $ref. Operations that lose the parameter just drop their $ref.
 */
export function sharedParameterPlan(
  operations: readonly SpecOperation[],
  byParameter: ReadonlyMap<string, readonly Drift[]>,
): Map<string, ComponentEdit> {
  const users = new Map<string, { action: string; signature: string; drifts: readonly Drift[] }[]>();
  for (const op of operations) {
    for (const p of op.parameters) {
      if (!p.component) continue;
      const drifts = byParameter.get(`${op.action}\0${p.field.name}`) ?? [];
      if (drifts.some((d) => d.kind === "removed" && d.path.length === 1)) continue;
      const signature = JSON.stringify(drifts.map((d) => ({ ...d, action: "" })));
      users.set(p.component, [...(users.get(p.component) ?? []), { action: op.action, signature, drifts }]);
    }
  }
  const plan = new Map<string, ComponentEdit>();
  for (const [component, list] of users) {
    const first = list[0]!;
    if (first.drifts.length > 0 && list.every((u) => u.signature === first.signature)) {
      plan.set(component, { action: first.action, drifts: first.drifts });
    }
  }
  return plan;
}
