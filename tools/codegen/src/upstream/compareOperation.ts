import type { UpstreamOperation, UpstreamParameter } from "./readMetadata.js";
import type { Field, SpecOperation } from "./specOperations.js";

/** One difference between our spec and Alibaba's metadata. `path` is the parameter then any Json field names. */
export type Drift =
  | { readonly kind: "operationRemoved"; readonly action: string }
  | { readonly kind: "operationNotCarried"; readonly action: string }
  | {
      readonly kind: "added";
      readonly action: string;
      readonly path: readonly string[];
      readonly label: string;
      readonly upstream: UpstreamParameter;
    }
  | { readonly kind: "removed"; readonly action: string; readonly path: readonly string[]; readonly label: string }
  | {
      readonly kind: "type" | "position" | "required";
      readonly action: string;
      readonly path: readonly string[];
      readonly label: string;
      readonly from: string;
      readonly to: string;
    };

/** Compares one operation of our spec with its metadata (undefined: no metadata file, so gone upstream). */
export function compareOperation(spec: SpecOperation, upstream: UpstreamOperation | undefined): Drift[] {
  const action = spec.action;
  if (!upstream) return [{ kind: "operationRemoved", action }];
  return compareFields(
    action,
    [],
    "",
    spec.parameters.map((p) => p.field),
    upstream.parameters,
    true,
  );
}

/** Compares a list of spec fields with the metadata's list at the same level, recursively for Json. */
function compareFields(
  action: string,
  parent: readonly string[],
  prefix: string,
  ours: readonly Field[],
  theirs: readonly UpstreamParameter[],
  topLevel: boolean,
): Drift[] {
  const drifts: Drift[] = [];
  const byName = new Map(theirs.map((p) => [p.name, p]));
  const ourNames = new Set(ours.map((f) => f.name));
  for (const field of ours) {
    const path = [...parent, field.name];
    const label = prefix + field.name;
    const up = byName.get(field.name);
    if (!up) {
      drifts.push({ kind: "removed", action, path, label });
      continue;
    }
    if (field.type !== up.type) drifts.push({ kind: "type", action, path, label, from: field.type, to: up.type });
    if (topLevel && field.position !== up.position) {
      drifts.push({ kind: "position", action, path, label, from: field.position ?? "Query", to: up.position });
    }
    if (field.required !== up.required) {
      drifts.push({ kind: "required", action, path, label, from: String(field.required), to: String(up.required) });
    }
    // The metadata lists a Json parameter's fields only sometimes; without them there is nothing to compare.
    if (field.type === "Json" && up.type === "Json" && up.subParameters) {
      const childPrefix = `${label}${field.container === "array" ? "[]" : ""}.`;
      drifts.push(...compareFields(action, path, childPrefix, field.children ?? [], up.subParameters, false));
    }
  }
  for (const up of theirs) {
    if (!ourNames.has(up.name))
      drifts.push({ kind: "added", action, path: [...parent, up.name], label: prefix + up.name, upstream: up });
  }
  return drifts;
}
