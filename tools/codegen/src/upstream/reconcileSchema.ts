import { isObject } from "../resolveRef.js";
import type { UpstreamParameter } from "./readMetadata.js";
import { resolved, schemaField } from "./specOperations.js";

/** The description a parameter or field gets when it first arrives from upstream. */
export const NEW_FROM_UPSTREAM = "TODO describe (new upstream, added by spec:upstream from Alibaba's API metadata).";

const LEAF: Record<string, Record<string, string>> = {
  Long: { type: "integer", format: "int64" },
  Integer: { type: "integer", format: "int32" },
  String: { type: "string" },
  Boolean: { type: "boolean" },
};

// What a schema keeps when its type changes: our words and examples always, value rules only where
// they still apply to the new type (an enum or a minimum makes no sense on a different type).
const KEPT = ["description", "title", "examples", "deprecated"];
const RULES: Record<string, string[]> = {
  integer: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
  string: ["minLength", "maxLength", "pattern"],
};

/** The first metadata type in a parameter (or its fields) that our spec conventions cannot express, if any. */
export function unsupportedType(p: UpstreamParameter): string | undefined {
  if (p.type !== "Json" && !LEAF[p.type]) return p.type;
  for (const sub of p.subParameters ?? []) {
    const found = unsupportedType(sub);
    if (found) return found;
  }
  return undefined;
}

/**
 * The schema our spec should have for an upstream parameter, starting from the one it has: parts
 * that already match stay as they are ($refs, descriptions, examples, rules); a changed type keeps
 * our words and the rules that still apply; Json fields are added, dropped or reconciled by name.
 * `dropped` collects the keywords removed because they no longer fit.
 */
export function reconcileSchema(
  document: unknown,
  old: unknown,
  up: UpstreamParameter,
  dropped: string[],
  where: string,
): unknown {
  const current = isObject(old) ? schemaField(document, up.name, old, up.required) : undefined;
  const now = resolved(document, old);
  // Keywords next to a $ref (a description in 3.1) belong to the use, not the referenced schema.
  const own = isObject(old) ? Object.fromEntries(Object.entries(old).filter(([k]) => k !== "$ref")) : {};
  if (up.type !== "Json") {
    if (current?.type === up.type) return old;
    const leaf = LEAF[up.type]!;
    const keep = [...KEPT, ...(RULES[leaf.type!] ?? [])];
    // A $ref'd schema (an enum) belongs to its component: the use keeps only its own keywords.
    const ref = isObject(old) && typeof old.$ref === "string" ? old.$ref : undefined;
    const base = ref ? own : now;
    const kept = Object.fromEntries(Object.entries(base).filter(([k]) => keep.includes(k)));
    const lost = Object.keys(base).filter((k) => !keep.includes(k) && k !== "type" && k !== "format");
    if (ref) dropped.push(`${where}: no longer refers to ${ref} (its type is not ${up.type})`);
    if (lost.length) dropped.push(`${where}: dropped ${lost.join(", ")} (they do not fit ${up.type})`);
    return { ...leaf, ...kept };
  }
  const wasJson = current?.type === "Json";
  if (!up.subParameters) return wasJson ? old : { type: "array", ...pick(now, KEPT), ...pick(own, KEPT) };
  const container = wasJson && now.type === "object" ? "object" : "array";
  const holder = container === "array" ? (wasJson ? resolved(document, now.items) : {}) : now;
  const oldProps = isObject(holder.properties) ? holder.properties : {};
  const properties: Record<string, unknown> = {};
  const subs = new Map(up.subParameters.map((s) => [s.name, s]));
  for (const [name, schema] of Object.entries(oldProps)) {
    const sub = subs.get(name);
    if (sub) properties[name] = reconcileSchema(document, schema, sub, dropped, `${where}.${name}`);
  }
  for (const sub of up.subParameters) {
    if (!(sub.name in properties)) properties[sub.name] = { ...newSchema(sub), description: NEW_FROM_UPSTREAM };
  }
  const required = Object.keys(properties).filter((name) => subs.get(name)?.required);
  const { required: _r, properties: _p, $ref: _h, ...rest } = holder;
  const object = { ...rest, type: "object", ...(required.length ? { required } : {}), properties };
  if (container === "object") return { ...object, ...pick(own, KEPT) };
  const { $ref: _a, items: _i, ...arrayRest } = wasJson ? now : pick(now, KEPT);
  return { ...arrayRest, ...pick(own, KEPT), type: "array", items: object };
}

/** A schema for a parameter or field our spec does not have yet. */
export function newSchema(up: UpstreamParameter): Record<string, unknown> {
  if (up.type !== "Json") return { ...LEAF[up.type]! };
  // Without listed fields the metadata does not say what the document holds: the maintainer fills in items.
  if (!up.subParameters) return { type: "array" };
  return reconcileSchema(undefined, undefined, up, [], up.name) as Record<string, unknown>;
}

function pick(from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(from).filter(([k]) => keys.includes(k)));
}
