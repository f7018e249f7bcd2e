import type { Ir, Model, Operation, Parameter, Property, Shape } from "./ir.js";

/** How much an API change matters to callers, in semver terms. */
export type Bump = "major" | "minor" | "patch";

/** One API change, in plain words. */
export interface ApiChange {
  readonly bump: Bump;
  /** The action it concerns, or `models` for a model-level description. */
  readonly where: string;
  readonly text: string;
}

/**
 * Compares two IRs the way a caller sees them. Removed or changed (type, required, wire name) is
 * major; added is minor (a new required parameter breaks callers, so it is major); descriptions only
 * are patch. A field that disappears while another with the same type and description appears beside
 * it is reported as a wire-name change.
 */
export function diffApis(before: Ir, after: Ir): ApiChange[] {
  const changes: ApiChange[] = [];
  const old = new Map(before.operations.map((o) => [o.action, o]));
  const now = new Map(after.operations.map((o) => [o.action, o]));
  for (const action of old.keys()) {
    if (!now.has(action)) changes.push({ bump: "major", where: action, text: "operation removed" });
  }
  for (const [action, op] of now) {
    const was = old.get(action);
    if (!was) {
      changes.push({ bump: "minor", where: action, text: `operation added (${op.parameters.length} parameters)` });
      continue;
    }
    diffOperation(was, op, before.models, after.models, changes);
  }
  const order: Record<Bump, number> = { major: 0, minor: 1, patch: 2 };
  return changes.sort((a, b) => order[a.bump] - order[b.bump] || (a.where < b.where ? -1 : a.where > b.where ? 1 : 0));
}

/** The largest bump among the changes, or undefined when there are none. */
export function overallBump(changes: readonly ApiChange[]): Bump | undefined {
  if (changes.some((c) => c.bump === "major")) return "major";
  if (changes.some((c) => c.bump === "minor")) return "minor";
  return changes.length > 0 ? "patch" : undefined;
}

function diffOperation(
  was: Operation,
  op: Operation,
  oldModels: readonly Model[],
  newModels: readonly Model[],
  out: ApiChange[],
) {
  const where = op.action;
  if (was.summary !== op.summary || was.description !== op.description)
    out.push({ bump: "patch", where, text: "description changed" });
  for (const m of was.methods)
    if (!op.methods.includes(m)) out.push({ bump: "major", where, text: `HTTP method ${m} no longer accepted` });
  for (const m of op.methods)
    if (!was.methods.includes(m)) out.push({ bump: "minor", where, text: `HTTP method ${m} now accepted` });

  const params = pairUp(was.parameters, op.parameters, (a, b) => a.wireType === b.wireType && a.description === b.description);
  for (const p of params.removed) out.push({ bump: "major", where, text: `parameter ${p.name} removed` });
  for (const [a, b] of params.renamed)
    out.push({ bump: "major", where, text: `parameter wire name changed from ${a.name} to ${b.name}` });
  for (const p of params.added) {
    out.push({
      bump: p.required ? "major" : "minor",
      where,
      text: `${p.required ? "required" : "optional"} parameter ${p.name} added (${p.wireType})`,
    });
  }
  for (const [a, b] of params.kept) diffParameter(a, b, where, out);

  const oldFields = flatten(was.output, "", oldModels, new Set());
  const newFields = flatten(op.output, "", newModels, new Set());
  const fields = pairUp(
    oldFields,
    newFields,
    (a, b) => a.type === b.type && a.description === b.description && parent(a.name) === parent(b.name),
  );
  for (const f of fields.removed) out.push({ bump: "major", where, text: `response field ${f.name} removed` });
  for (const [a, b] of fields.renamed)
    out.push({ bump: "major", where, text: `response field wire name changed from ${a.name} to ${b.name}` });
  for (const f of fields.added) out.push({ bump: "minor", where, text: `response field ${f.name} added (${f.type})` });
  for (const [a, b] of fields.kept) {
    if (a.type !== b.type)
      out.push({ bump: "major", where, text: `response field ${b.name} type changed from ${a.type} to ${b.type}` });
    if (a.required !== b.required) {
      out.push({
        bump: "major",
        where,
        text: `response field ${b.name} is ${b.required ? "now always present" : "no longer always present"}`,
      });
    }
    if (a.description !== b.description)
      out.push({ bump: "patch", where, text: `description of response field ${b.name} changed` });
  }
}

function diffParameter(a: Parameter, b: Parameter, where: string, out: ApiChange[]) {
  if (a.wireType !== b.wireType)
    out.push({ bump: "major", where, text: `parameter ${b.name} type changed from ${a.wireType} to ${b.wireType}` });
  if (a.required !== b.required) {
    out.push({
      bump: b.required ? "major" : "minor",
      where,
      text: `parameter ${b.name} is now ${b.required ? "required" : "optional"}`,
    });
  }
  if (a.description !== b.description) out.push({ bump: "patch", where, text: `description of parameter ${b.name} changed` });
}

interface Field {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

/** Every leaf and object field of a response, by dotted path (`DAGInstanceList.DAGInstance[].Id`). */
function flatten(shape: Shape, path: string, models: readonly Model[], seen: Set<string>): Field[] {
  if (shape.kind === "ref") {
    const model = models.find((m) => m.name === shape.name);
    if (!model || seen.has(shape.name)) return [];
    return flatten(model.shape, path, models, new Set([...seen, shape.name]));
  }
  if (shape.kind === "array") return flatten(shape.items, `${path}[]`, models, seen);
  if (shape.kind !== "object") return [];
  return shape.properties.flatMap((p: Property) => {
    const name = path ? `${path}.${p.name}` : p.name;
    return [
      { name, type: typeName(p.shape, models), required: p.required, description: p.description },
      ...flatten(p.shape, name, models, seen),
    ];
  });
}

function typeName(shape: Shape, models: readonly Model[]): string {
  if (shape.kind === "array") return `${typeName(shape.items, models)}[]`;
  if (shape.kind === "ref") return "object";
  return shape.kind;
}

function parent(path: string): string {
  const dot = path.lastIndexOf(".");
  return dot < 0 ? "" : path.slice(0, dot);
}

/** Matches items by name; a lone removed/added pair that `same` accepts counts as a rename. */
function pairUp<T extends { name: string }>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean) {
  const afterNames = new Set(after.map((x) => x.name));
  const beforeNames = new Set(before.map((x) => x.name));
  let removed = before.filter((x) => !afterNames.has(x.name));
  let added = after.filter((x) => !beforeNames.has(x.name));
  const renamed: [T, T][] = [];
  for (const r of [...removed]) {
    const candidates = added.filter((a) => same(r, a));
    const rivals = removed.filter((x) => candidates.some((c) => same(x, c)));
    if (candidates.length === 1 && rivals.length === 1) {
      renamed.push([r, candidates[0]!]);
      removed = removed.filter((x) => x !== r);
      added = added.filter((x) => x !== candidates[0]);
    }
  }
  const kept: [T, T][] = before.filter((x) => afterNames.has(x.name)).map((x) => [x, after.find((y) => y.name === x.name)!]);
  return { removed, added, renamed, kept };
}
