import { isMap, isScalar, isSeq, type Node, type Pair, parseDocument, type YAMLMap } from "yaml";
import { compareOperation, type Drift } from "./compareOperation.js";
import type { UpstreamOperation, UpstreamParameter } from "./readMetadata.js";
import { NEW_FROM_UPSTREAM, newSchema, reconcileSchema, unsupportedType } from "./reconcileSchema.js";
import { type ComponentEdit, sharedParameterPlan } from "./sharedParameters.js";
import { type Field, readSpecOperations, type SpecOperation } from "./specOperations.js";
import * as edit from "./yamlTextEdits.js";

/** The spec text after --write, and what a maintainer must still look at. */
export interface WriteResult {
  readonly text: string;
  readonly changedOperations: readonly string[];
  readonly notes: readonly string[];
}

/**
 * Brings the request side of the operations our spec carries in line with the metadata: adds and
 * removes parameters, fixes type, position and required. Everything else in the file stays as written.
 */
export function writeUpstreamChanges(
  text: string,
  upstream: ReadonlyMap<string, UpstreamOperation>,
  drifts: readonly Drift[],
): WriteResult {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const plain = doc.toJS();
  const operations = readSpecOperations(plain);
  const edits: edit.TextEdit[] = [];
  const notes: string[] = [];
  const changed = new Set<string>();
  const byParameter = groupByParameter(drifts);
  const shared = sharedParameterPlan(operations, byParameter);
  for (const [name, { action, drifts: changes }] of shared) {
    const component = doc.getIn(["components", "parameters", name], true) as Node;
    const up = upstream.get(action)!.parameters.find((p) => p.name === name)!;
    if (unsupportedType(up)) continue; // noted where the operations are handled
    const old = components(plain)[name]?.schema;
    edits.push(...editParameter(text, plain, component, old, up, changes, notes, `components.parameters.${name}`));
    notes.push(`shared parameter ${name}: changed in components/parameters (every operation using it changed alike)`);
  }
  for (const drift of drifts) {
    if (drift.kind === "operationRemoved")
      notes.push(`${drift.action}: removed upstream; left in the spec (delete it by hand if we drop it)`);
  }
  for (const op of operations) {
    const up = upstream.get(op.action);
    if (!up) continue;
    const seq = doc.getIn(["paths", op.path, op.method, "parameters"], true) as Node | undefined;
    for (const [key, list] of byParameter) {
      const [action, name] = key.split("\0") as [string, string];
      if (action !== op.action) continue;
      const result = reconcileParameter(text, plain, op, seq, up, name, list, shared, notes);
      const component = op.parameters.find((p) => p.field.name === name)?.component;
      if (result.length || (component && shared.has(component))) changed.add(op.action);
      edits.push(...result);
    }
  }
  return { text: edit.applyEdits(text, edits), changedOperations: [...changed], notes };
}

/** Drifts of parameters (not whole operations), keyed by `action \0 parameter`. */
function groupByParameter(drifts: readonly Drift[]): Map<string, Drift[]> {
  const groups = new Map<string, Drift[]>();
  for (const d of drifts) {
    if (!("path" in d)) continue;
    const key = `${d.action}\0${d.path[0]}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return groups;
}

function reconcileParameter(
  text: string,
  plain: unknown,
  op: SpecOperation,
  seq: Node | undefined,
  upstream: UpstreamOperation,
  name: string,
  drifts: readonly Drift[],
  editComponents: ReadonlyMap<string, ComponentEdit>,
  notes: string[],
): edit.TextEdit[] {
  const up = upstream.parameters.find((p) => p.name === name);
  const ours = op.parameters.find((p) => p.field.name === name);
  const unsupported = up && unsupportedType(up);
  if (unsupported) {
    notes.push(
      `${op.action}: parameter ${name} uses metadata type ${unsupported}, which our spec conventions cannot express; edit it by hand`,
    );
    return [];
  }
  if (!isSeq(seq) || seq.flow) {
    notes.push(`${op.action}: parameters is not a block list; apply the changes to ${name} by hand`);
    return [];
  }
  const item = ours ? (seq.items[ours.index] as Node) : undefined;
  if (!up) return item ? [edit.removeItem(text, item)] : [];
  if (!ours) {
    const component = matchingComponent(plain, up);
    const value = component ? { $ref: `#/components/parameters/${component}` } : newParameter(up);
    return [edit.appendItem(text, seq, value)];
  }
  if (ours.component && editComponents.has(ours.component)) return []; // changed once, in components
  if (ours.component) {
    // A shared parameter that changed here but not everywhere: this operation gets its own copy.
    const copy = inlineParameter(plain, ours.component, up, notes, op.action);
    notes.push(`${op.action}: parameter ${name} now inline (shared ${ours.component} differs upstream only here)`);
    return [edit.replaceItem(text, item!, copy)];
  }
  const old = (plain as { paths: Record<string, Record<string, { parameters: { schema?: unknown }[] }>> }).paths[op.path]![
    op.method
  ]!.parameters[ours.index]!.schema;
  return editParameter(text, plain, item!, old, up, drifts, notes, op.action);
}

/** Edits a parameter map where it stands: required and position as scalars, the schema when types differ. */
function editParameter(
  text: string,
  plain: unknown,
  node: Node,
  old: unknown,
  up: UpstreamParameter,
  drifts: readonly Drift[],
  notes: string[],
  where: string,
): edit.TextEdit[] {
  if (!isMap(node) || node.flow) return [];
  const map = node as YAMLMap<Node, Node>;
  const pair = (key: string) => map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node> | undefined;
  const after = pair("in") ?? pair("name")!;
  const edits: edit.TextEdit[] = [];
  if (drifts.some((d) => d.kind === "position" && d.path.length === 1)) {
    const position = pair("x-acs-position");
    if (up.position === "Body")
      edits.push(
        position
          ? edit.replacePair(text, position, "x-acs-position", "Body")
          : edit.insertPairAfter(text, after, "x-acs-position", "Body"),
      );
    else if (position) edits.push(edit.removePair(text, position));
  }
  if (drifts.some((d) => d.kind === "required" && d.path.length === 1)) {
    const required = pair("required");
    if (required) edits.push({ start: required.value!.range![0], end: required.value!.range![1], text: String(up.required) });
    else edits.push(edit.insertPairAfter(text, after, "required", up.required));
  }
  if (drifts.some((d) => d.kind !== "position" && (d.kind !== "required" || d.path.length > 1))) {
    const schema = pair("schema");
    const dropped: string[] = [];
    const value = reconcileSchema(plain, old, up, dropped, `${where}: ${up.name}`);
    notes.push(...dropped);
    if (schema) edits.push(edit.replacePair(text, schema, "schema", value));
  }
  return edits;
}

function inlineParameter(plain: unknown, component: string, up: UpstreamParameter, notes: string[], action: string): unknown {
  const shared = components(plain)[component]!;
  const dropped: string[] = [];
  const schema = reconcileSchema(plain, shared.schema, up, dropped, `${action}: ${up.name}`);
  notes.push(...dropped);
  return withRequest({ ...shared }, up, schema);
}

function newParameter(up: UpstreamParameter): Record<string, unknown> {
  return withRequest({ name: up.name, in: "query", required: up.required, description: NEW_FROM_UPSTREAM }, up, newSchema(up));
}

/** Sets required, position (right after `in`, as the spec writes it) and schema on a parameter object. */
function withRequest(p: Record<string, unknown>, up: UpstreamParameter, schema: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...p, required: up.required, schema })) {
    if (key === "x-acs-position") continue;
    out[key] = value;
    if (key === "in" && up.position === "Body") out["x-acs-position"] = "Body";
  }
  return out;
}

/** A shared parameter that already says exactly what upstream says, so a new use can be a $ref. */
function matchingComponent(plain: unknown, up: UpstreamParameter): string | undefined {
  const parameters = components(plain);
  const probe = {
    paths: { "/": { post: { operationId: "probe", parameters: [] as unknown[] } } },
    components: (plain as { components: unknown }).components,
  };
  for (const name of Object.keys(parameters)) {
    probe.paths["/"].post.parameters = [{ $ref: `#/components/parameters/${name}` }];
    const [op] = readSpecOperations(probe);
    const field = op?.parameters[0]?.field;
    if (field && field.name === up.name && sameField(field, up)) return name;
  }
  return undefined;
}

function sameField(field: Field, up: UpstreamParameter): boolean {
  const op: SpecOperation = { action: "probe", path: "/", method: "post", parameters: [{ field, index: 0 }] };
  return compareOperation(op, { action: "probe", parameters: [up] }).length === 0;
}

function components(plain: unknown): Record<string, Record<string, unknown>> {
  return (plain as { components?: { parameters?: Record<string, Record<string, unknown>> } }).components?.parameters ?? {};
}
