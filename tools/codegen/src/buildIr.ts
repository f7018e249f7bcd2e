import type {
  Enumeration,
  ErrorCodeEntry,
  Ir,
  Model,
  ObjectShape,
  Operation,
  Pagination,
  Parameter,
  Property,
  ScalarKind,
  Shape,
  ValueRules,
  WireType,
} from "./ir.js";
import { isObject, resolveRef } from "./resolveRef.js";

type Doc = Record<string, unknown>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const WIRE_TYPES: Record<ScalarKind, WireType> = {
  int64: "Long",
  int32: "Integer",
  string: "String",
  boolean: "Boolean",
};

/** Turns a validated spec into the IR: refs to component schemas stay named, everything else is inlined. */
export function buildIr(specFile: string, document: unknown): Ir {
  const doc = document as Doc;
  const operations: Operation[] = [];
  for (const item of Object.values(doc.paths as Doc)) {
    for (const op of Object.values(item as Doc)) {
      if (isObject(op) && typeof op.operationId === "string") operations.push(operationOf(doc, op));
    }
  }
  const schemas = (isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {}) as Doc;
  const models: Model[] = [];
  const enums: Enumeration[] = [];
  for (const [name, schema] of Object.entries(schemas)) {
    if (isEnumSchema(schema)) enums.push(enumerationOf(name, schema));
    else models.push({ name, description: text((schema as Doc).description), shape: objectOf(doc, schema) });
  }
  return {
    specFile,
    product: doc["x-acs-product"] as string,
    version: doc["x-acs-version"] as string,
    operations,
    models,
    enums,
    errorCodes: ((doc["x-dmsflow-error-codes"] as Doc[] | undefined) ?? []).map(errorCodeOf),
  };
}

/** A component schema that is a named enumeration rather than a model. */
export function isEnumSchema(schema: unknown): schema is Doc {
  return isObject(schema) && Array.isArray(schema.enum) && schema.type !== "object";
}

function operationOf(doc: Doc, op: Doc): Operation {
  const parameters = ((op.parameters as unknown[]) ?? []).map((raw) => parameterOf(doc, raw));
  const ok = deref(doc, (op.responses as Doc)["200"]) as Doc;
  const schema = ((ok.content as Doc)["application/json"] as Doc).schema;
  const paging = op["x-dmsflow-pagination"] as Doc | undefined;
  return {
    action: op.operationId as string,
    methods: op["x-acs-methods"] as ("GET" | "POST")[],
    summary: text(op.summary),
    description: text(op.description),
    readOnly: op["x-dmsflow-readonly"] === true,
    parameters,
    output: shapeOf(doc, schema),
    ...(paging ? { pagination: paginationOf(paging) } : {}),
  };
}

function paginationOf(paging: Doc): Pagination {
  return {
    pageParameter: paging.pageParameter as string,
    sizeParameter: paging.sizeParameter as string,
    items: (paging.items as string).split("."),
    ...(typeof paging.total === "string" ? { total: paging.total.split(".") } : {}),
  };
}

function parameterOf(doc: Doc, raw: unknown): Parameter {
  const p = deref(doc, raw) as Doc;
  const shape = shapeOf(doc, p.schema);
  const schema = deref(doc, p.schema) as Doc;
  const common = {
    name: p.name as string,
    position: p["x-acs-position"] === "Body" ? ("Body" as const) : ("Query" as const),
    required: p.required === true,
    description: text(p.description),
    example: exampleOf(schema),
  };
  if (shape.kind === "array" || shape.kind === "object" || shape.kind === "ref") {
    return { ...common, wireType: "Json", rules: {}, shape };
  }
  if (shape.kind === "enum") {
    // An open enumeration names the known values; the API takes others, so they are not checked.
    const open = schema["x-dmsflow-open-enum"] === true;
    const rules = rulesOf(schema);
    if (open) delete rules.enum;
    return { ...common, wireType: WIRE_TYPES[shape.base], rules, enumName: shape.name, openEnum: open };
  }
  return { ...common, wireType: WIRE_TYPES[shape.kind], rules: rulesOf(schema) };
}

/** The value rules of a parameter schema; `enum` comes from the schema itself or the enumeration it refers to. */
function rulesOf(schema: Doc): Mutable<ValueRules> {
  const rules: Mutable<ValueRules> = {};
  for (const key of ["minimum", "maximum", "minLength", "maxLength"] as const) {
    if (typeof schema[key] === "number") rules[key] = schema[key] as number;
  }
  if (typeof schema.pattern === "string") rules.pattern = schema.pattern;
  if (Array.isArray(schema.enum)) rules.enum = schema.enum as (string | number)[];
  return rules;
}

function shapeOf(doc: Doc, raw: unknown): Shape {
  const resolved = resolveRef(doc, raw, "");
  if (!("error" in resolved) && resolved.schemaName !== undefined) {
    const target = resolved.value as Doc;
    if (isEnumSchema(target)) return { kind: "enum", name: resolved.schemaName, base: scalarOf(target) as "int32" };
    return { kind: "ref", name: resolved.schemaName };
  }
  const schema = deref(doc, raw) as Doc;
  if (schema.allOf !== undefined || schema.type === "object") return objectOf(doc, schema);
  if (schema.type === "array") return { kind: "array", items: shapeOf(doc, schema.items) };
  return { kind: scalarOf(schema) };
}

function scalarOf(schema: Doc): ScalarKind {
  if (schema.type === "integer") return schema.format === "int64" ? "int64" : "int32";
  return schema.type === "boolean" ? "boolean" : "string";
}

/** Builds an object shape; allOf parts are merged in order, later properties replacing earlier ones. */
function objectOf(doc: Doc, raw: unknown): ObjectShape {
  const schema = deref(doc, raw) as Doc;
  const properties = new Map<string, Property>();
  for (const part of (schema.allOf as unknown[] | undefined) ?? []) {
    for (const p of objectOf(doc, part).properties) properties.set(p.name, p);
  }
  const required = new Set((schema.required as string[] | undefined) ?? []);
  for (const [name, prop] of Object.entries((schema.properties as Doc | undefined) ?? {})) {
    const target = deref(doc, prop) as Doc;
    // A description beside a $ref (allowed in 3.1) describes this use of the referenced schema.
    const own = isObject(prop) && typeof prop.description === "string" ? prop.description : target.description;
    properties.set(name, {
      name,
      shape: shapeOf(doc, prop),
      required: required.has(name),
      description: text(own),
      example: exampleOf(isObject(prop) && prop.examples !== undefined ? prop : target),
    });
  }
  return { kind: "object", properties: [...properties.values()] };
}

function enumerationOf(name: string, schema: Doc): Enumeration {
  const values = schema.enum as (string | number)[];
  const varNames = (schema["x-enum-varnames"] as string[] | undefined) ?? values.map(String);
  const descriptions = (schema["x-enum-descriptions"] as string[] | undefined) ?? [];
  const codes = (schema["x-dmsflow-enum-codes"] as (number | null)[] | undefined) ?? [];
  return {
    name,
    description: text(schema.description),
    base: scalarOf(schema) as Enumeration["base"],
    members: values.map((value, i) => ({
      value,
      varName: varNames[i]!,
      description: text(descriptions[i]),
      ...(typeof codes[i] === "number" ? { code: codes[i] } : {}),
    })),
  };
}

function errorCodeOf(entry: Doc): ErrorCodeEntry {
  return {
    code: entry.code as string,
    kind: entry.kind as ErrorCodeEntry["kind"],
    httpStatus: entry.httpStatus as number,
    message: entry.message as string,
    meaning: text(entry.meaning),
    documented: entry.documented === true,
    ...(typeof entry.source === "string" ? { source: entry.source } : {}),
  };
}

function deref(doc: Doc, value: unknown): unknown {
  const r = resolveRef(doc, value, "");
  if ("error" in r) throw new Error(`unresolved ${r.path}: ${r.error} (validate should have caught this)`);
  return r.value;
}

function exampleOf(schema: Doc): string | undefined {
  const example = Array.isArray(schema.examples) ? schema.examples[0] : schema.example;
  return example === undefined ? undefined : typeof example === "string" ? example : JSON.stringify(example);
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim().replace(/\s+/g, " ") : "";
}
