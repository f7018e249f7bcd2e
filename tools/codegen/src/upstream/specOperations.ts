import { isObject, resolveRef } from "../resolveRef.js";

/** A parameter or Json field in the shape both sides are compared in. */
export interface Field {
  readonly name: string;
  /** Long, Integer, String, Boolean, Json, or a phrase naming a schema that maps to none of them. */
  readonly type: string;
  /** Query or Body; only top-level parameters have one. */
  readonly position?: string;
  readonly required: boolean;
  /** For Json: whether the spec describes an array (of objects) or one object. */
  readonly container?: "array" | "object";
  /** For Json with declared fields: the item's (array) or object's properties. */
  readonly children?: readonly Field[];
}

/** One parameter of an operation in our spec. */
export interface SpecParameter {
  readonly field: Field;
  /** The component name when the parameter is `$ref: "#/components/parameters/<name>"`. */
  readonly component?: string;
  /** Where the parameter list sits: `paths.<path>.<method>.parameters`, index in it. */
  readonly index: number;
}

/** One operation our spec carries. */
export interface SpecOperation {
  readonly action: string;
  readonly path: string;
  readonly method: string;
  readonly parameters: readonly SpecParameter[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The operations of a parsed spec, named by x-acs-action (or operationId), in file order. */
export function readSpecOperations(document: unknown): SpecOperation[] {
  const paths = isObject(document) && isObject(document.paths) ? document.paths : {};
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const action = typeof op["x-acs-action"] === "string" ? op["x-acs-action"] : op.operationId;
      if (typeof action !== "string") continue;
      const list = Array.isArray(op.parameters) ? op.parameters : [];
      const parameters = list.map((raw, index) => readParameter(document, raw, index));
      operations.push({ action, path, method, parameters: parameters.filter((p) => p !== undefined) });
    }
  }
  return operations;
}

function readParameter(document: unknown, raw: unknown, index: number): SpecParameter | undefined {
  const ref = isObject(raw) && typeof raw.$ref === "string" ? raw.$ref : undefined;
  const resolved = resolveRef(document, raw, "parameter");
  const p = "error" in resolved ? undefined : resolved.value;
  if (!isObject(p) || typeof p.name !== "string") return undefined;
  const component = ref?.startsWith("#/components/parameters/") ? ref.slice("#/components/parameters/".length) : undefined;
  const position = p["x-acs-position"] === "Body" ? "Body" : "Query";
  const field = schemaField(document, p.name, p.schema, p.required === true);
  return { field: { ...field, position }, index, ...(component ? { component } : {}) };
}

/** The field a schema describes, following $refs (enum components, shared item schemas). */
export function schemaField(document: unknown, name: string, schema: unknown, required: boolean): Field {
  const s = resolved(document, schema);
  if (s.type === "array" || s.type === "object") {
    const holder = s.type === "array" ? resolved(document, s.items) : s;
    const props = isObject(holder.properties) ? holder.properties : undefined;
    const req = Array.isArray(holder.required) ? holder.required : [];
    const container = s.type;
    if (!props) return { name, type: "Json", required, container };
    const children = Object.entries(props).map(([key, value]) => schemaField(document, key, value, req.includes(key)));
    return { name, type: "Json", required, container, children };
  }
  return { name, type: wireType(s), required };
}

/** A resolved schema object ({} when it cannot be resolved). */
export function resolved(document: unknown, schema: unknown): Record<string, unknown> {
  const r = resolveRef(document, schema, "schema");
  return "error" in r || !isObject(r.value) ? {} : r.value;
}

function wireType(s: Record<string, unknown>): string {
  if (s.type === "integer" && s.format === "int64") return "Long";
  if (s.type === "integer" && s.format === "int32") return "Integer";
  if (s.type === "string") return "String";
  if (s.type === "boolean") return "Boolean";
  if (s.type === "integer") return "integer without int32/int64 format";
  return s.type === undefined ? "schema without a type" : `${JSON.stringify(s.type)} schema`;
}
