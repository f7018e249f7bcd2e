import type { Ir, Model, ObjectShape, Operation, Parameter, Property, Shape, WireType } from "./ir.js";
import { isObject, resolveRef } from "./resolveRef.js";

type Doc = Record<string, unknown>;

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
  const models: Model[] = Object.entries(schemas).map(([name, schema]) => ({
    name,
    description: text((schema as Doc).description),
    shape: objectOf(doc, schema),
  }));
  return {
    specFile,
    product: doc["x-acs-product"] as string,
    version: doc["x-acs-version"] as string,
    operations,
    models,
  };
}

function operationOf(doc: Doc, op: Doc): Operation {
  const parameters = ((op.parameters as unknown[]) ?? []).map((raw) => parameterOf(doc, raw));
  const ok = deref(doc, (op.responses as Doc)["200"]) as Doc;
  const schema = ((ok.content as Doc)["application/json"] as Doc).schema;
  return {
    action: op.operationId as string,
    methods: op["x-acs-methods"] as ("GET" | "POST")[],
    summary: text(op.summary),
    description: text(op.description),
    parameters,
    output: shapeOf(doc, schema),
  };
}

function parameterOf(doc: Doc, raw: unknown): Parameter {
  const p = deref(doc, raw) as Doc;
  const schema = deref(doc, p.schema) as Doc;
  const wireType: WireType =
    schema.type === "integer"
      ? schema.format === "int64"
        ? "Long"
        : "Integer"
      : schema.type === "boolean"
        ? "Boolean"
        : "String";
  return {
    name: p.name as string,
    wireType,
    required: p.required === true,
    description: text(p.description),
    example: exampleOf(schema),
  };
}

function shapeOf(doc: Doc, raw: unknown): Shape {
  const resolved = resolveRef(doc, raw, "");
  if (!("error" in resolved) && resolved.schemaName !== undefined) return { kind: "ref", name: resolved.schemaName };
  const schema = deref(doc, raw) as Doc;
  if (schema.allOf !== undefined || schema.type === "object") return objectOf(doc, schema);
  if (schema.type === "array") return { kind: "array", items: shapeOf(doc, schema.items) };
  if (schema.type === "integer") return { kind: schema.format === "int64" ? "int64" : "int32" };
  return { kind: schema.type === "boolean" ? "boolean" : "string" };
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
    properties.set(name, {
      name,
      shape: shapeOf(doc, prop),
      required: required.has(name),
      description: text(target.description),
      example: exampleOf(target),
    });
  }
  return { kind: "object", properties: [...properties.values()] };
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
