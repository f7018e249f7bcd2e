import { specPath } from "./specError.js";

/** A value found by following a local `$ref`, and where it lives in the document. */
export interface Resolved {
  readonly value: unknown;
  readonly path: string;
  /** The component schema name when the ref points at `#/components/schemas/<name>`. */
  readonly schemaName?: string;
}

/** Follows `$ref` chains inside the document; returns an error message instead of throwing. */
export function resolveRef(document: unknown, value: unknown, path: string): Resolved | { error: string; path: string } {
  let current: Resolved = { value, path };
  for (let hops = 0; hops < 32; hops++) {
    const ref = isObject(current.value) ? current.value.$ref : undefined;
    if (ref === undefined) return current;
    const refPath = specPath(current.path, "$ref");
    if (typeof ref !== "string" || !ref.startsWith("#/")) {
      return { error: `$ref must be a local reference starting with "#/", got ${JSON.stringify(ref)}.`, path: refPath };
    }
    const segments = ref
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    let target: unknown = document;
    for (const segment of segments) {
      target = isObject(target) && Object.hasOwn(target, segment) ? target[segment] : undefined;
      if (target === undefined) return { error: `$ref ${JSON.stringify(ref)} points at nothing.`, path: refPath };
    }
    const isSchema = segments.length === 3 && segments[0] === "components" && segments[1] === "schemas";
    current = { value: target, path: segments.join("."), schemaName: isSchema ? segments[2] : undefined };
  }
  return { error: "$ref chain is circular.", path };
}

/** Whether a value is a plain object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
