import type { Parameter, ScalarKind, Shape, WireType } from "./ir.js";
import { readRules } from "./readDomain.js";
import { integerKind, type ShapeReader } from "./readShape.js";
import { isObject } from "./resolveRef.js";
import { specPath } from "./specError.js";
import type { SpecReader } from "./specReader.js";
import { exampleOf, text } from "./specText.js";

const POSITIONS = new Set(["Query", "Body"]);

/** The one mapping from a parameter's shape to its wire type: a list, an object or a model travels as Json. */
const WIRE_TYPES: Record<ScalarKind, WireType> = {
  int64: "Long",
  int32: "Integer",
  string: "String",
  boolean: "Boolean",
};

/** Reads an operation's parameters, reporting each problem (name, location, type, value rules) at its path. */
export function readParameters(spec: SpecReader, shapes: ShapeReader, raw: unknown, path: string): Parameter[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    spec.report(path, "must be a list.");
    return [];
  }
  const names = new Set<string>();
  const parameters: Parameter[] = [];
  for (const [index, item] of raw.entries()) {
    const parameter = readParameter(spec, shapes, item, specPath(path, index), names);
    if (parameter) parameters.push(parameter);
  }
  return parameters;
}

function readParameter(spec: SpecReader, shapes: ShapeReader, raw: unknown, use: string, names: Set<string>) {
  const resolved = spec.resolve(raw, use);
  if (resolved === undefined) return undefined;
  // A shared parameter (a $ref) is reported where it is defined: that is where to fix it.
  const { value: p, path } = resolved;
  if (!isObject(p)) {
    spec.report(path, "must be a parameter object.");
    return undefined;
  }
  if (typeof p.name !== "string" || p.name === "") {
    spec.report(specPath(path, "name"), "is missing.");
    return undefined;
  }
  if (names.has(p.name)) spec.report(specPath(use, "name"), `duplicate parameter ${p.name}.`);
  names.add(p.name);
  if (p.in !== "query") {
    spec.report(
      specPath(path, "in"),
      `must be "query" (RPC parameters travel as query or form values), got ${JSON.stringify(p.in)}.`,
    );
  }
  if (p.required !== undefined && typeof p.required !== "boolean") spec.report(specPath(path, "required"), "must be a boolean.");
  const position = p["x-acs-position"];
  if (position !== undefined && !POSITIONS.has(position as string)) {
    spec.report(specPath(path, "x-acs-position"), `must be "Query" or "Body", got ${JSON.stringify(position)}.`);
  }
  const schema = spec.resolve(p.schema, specPath(path, "schema"));
  if (schema === undefined) return undefined;
  const s = schema.value;
  if (!isObject(s)) {
    spec.report(schema.path, "is missing; a parameter needs a schema.");
    return undefined;
  }
  let shape: Shape | undefined;
  if (s.type === "array" || s.type === "object") {
    // A Json parameter: one JSON document in one parameter; its leaves follow the response rules.
    shape = shapes.resolved(schema);
  } else if (s.type === "integer" || s.type === "string" || s.type === "boolean") {
    if (s.type === "integer" && s.format !== "int32" && s.format !== "int64") {
      spec.report(
        specPath(schema.path, "format"),
        `unsupported format ${JSON.stringify(s.format)} for an integer parameter; use int32 or int64.`,
      );
    }
    shape = schema.schemaName !== undefined ? shapes.resolved(schema) : { kind: s.type === "integer" ? integerKind(s) : s.type };
  } else {
    spec.report(
      specPath(schema.path, "type"),
      `unsupported parameter type ${JSON.stringify(s.type)}; use integer (int32/int64), string, boolean, or array/object for a Json parameter.`,
    );
  }
  const rules = readRules(s, schema.path, spec.report);
  if (shape === undefined) return undefined;
  const common = {
    name: p.name,
    position: position === "Body" ? ("Body" as const) : ("Query" as const),
    required: p.required === true,
    description: text(p.description),
    example: exampleOf(s),
  };
  if (shape.kind === "array" || shape.kind === "object" || shape.kind === "ref") {
    return { ...common, wireType: "Json", rules: {}, shape } satisfies Parameter;
  }
  if (shape.kind === "enum") {
    // An open enumeration names the known values; the API takes others, so they are not checked.
    const open = s["x-dmsflow-open-enum"] === true;
    if (open) delete rules.enum;
    return { ...common, wireType: WIRE_TYPES[shape.base], rules, enumName: shape.name, openEnum: open } satisfies Parameter;
  }
  return { ...common, wireType: WIRE_TYPES[shape.kind], rules } satisfies Parameter;
}
