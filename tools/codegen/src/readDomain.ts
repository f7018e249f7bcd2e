import type { Enumeration, ErrorCodeEntry, ObjectShape, Pagination, Parameter, Shape, ValueRules } from "./ir.js";
import { isObject } from "./resolveRef.js";
import { type Report, specPath } from "./specError.js";
import { text } from "./specText.js";

// The domain extensions of the spec (SOURCE.md): enumerations, value rules, pagination and the
// error-code table. Read here, so that a mistake stops the generator with its path.

const VAR_NAME = /^[a-z][A-Za-z0-9]*$/;
const CODE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)*$/;
const NUMBER_RULES = ["minimum", "maximum"] as const;
const LENGTH_RULES = ["minLength", "maxLength"] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Reads a named enumeration: its base type, its values, and one identifier (and description) per value. */
export function readEnumeration(name: string, schema: Record<string, unknown>, path: string, report: Report): Enumeration {
  const values = schema.enum as (string | number)[];
  const integer = schema.type === "integer";
  if (integer && schema.format !== "int32" && schema.format !== "int64") {
    report(specPath(path, "format"), "an integer enumeration needs format int32 or int64.");
  }
  if (!integer && schema.type !== "string") report(specPath(path, "type"), "an enumeration must be an integer or a string.");
  if (values.length === 0) report(specPath(path, "enum"), "must list at least one value.");
  for (const [i, value] of values.entries()) {
    const ok = integer ? Number.isSafeInteger(value) : typeof value === "string";
    if (!ok)
      report(specPath(specPath(path, "enum"), i), `${JSON.stringify(value)} is not ${integer ? "an integer" : "a string"}.`);
  }
  if (new Set(values).size !== values.length) report(specPath(path, "enum"), "lists a value twice.");
  const names = schema["x-enum-varnames"];
  if (names === undefined) {
    if (integer) report(path, "an integer enumeration needs x-enum-varnames (one identifier per value).");
  } else if (!Array.isArray(names) || names.length !== values.length) {
    report(specPath(path, "x-enum-varnames"), `must list one identifier per value (${values.length}).`);
  } else {
    for (const [i, name] of names.entries()) {
      if (typeof name !== "string" || !VAR_NAME.test(name)) {
        report(specPath(specPath(path, "x-enum-varnames"), i), `${JSON.stringify(name)} is not a lowerCamelCase identifier.`);
      }
    }
    if (new Set(names).size !== names.length) report(specPath(path, "x-enum-varnames"), "lists an identifier twice.");
  }
  const open = schema["x-dmsflow-open-enum"];
  if (open !== undefined && typeof open !== "boolean") report(specPath(path, "x-dmsflow-open-enum"), "must be true or false.");
  const descriptions = schema["x-enum-descriptions"];
  if (descriptions !== undefined && (!Array.isArray(descriptions) || descriptions.length !== values.length)) {
    report(specPath(path, "x-enum-descriptions"), `must list one description per value (${values.length}).`);
  }
  checkEnumCodes(schema, values, integer, path, report);
  const varNames = Array.isArray(names) ? (names as string[]) : values.map(String);
  const texts = Array.isArray(descriptions) ? descriptions : [];
  const codes = Array.isArray(schema["x-dmsflow-enum-codes"]) ? (schema["x-dmsflow-enum-codes"] as unknown[]) : [];
  return {
    name,
    description: text(schema.description),
    base: integer ? (schema.format === "int64" ? "int64" : "int32") : "string",
    members: values.map((value, i) => ({
      value,
      varName: varNames[i]!,
      description: text(texts[i]),
      ...(typeof codes[i] === "number" ? { code: codes[i] as number } : {}),
    })),
  };
}

/** `x-dmsflow-enum-codes`: on a string enumeration, one integer code (or null: none documented) per value, no code twice. */
function checkEnumCodes(
  schema: Record<string, unknown>,
  values: unknown[],
  integer: boolean,
  path: string,
  report: Report,
): void {
  const codes = schema["x-dmsflow-enum-codes"];
  if (codes === undefined) return;
  const at = specPath(path, "x-dmsflow-enum-codes");
  if (integer) {
    report(at, "only a string enumeration can map its names to integer codes.");
    return;
  }
  if (!Array.isArray(codes) || codes.length !== values.length) {
    report(at, `must list one integer code or null per value (${values.length}).`);
    return;
  }
  for (const [i, code] of codes.entries()) {
    if (code !== null && !Number.isSafeInteger(code))
      report(specPath(at, i), `${JSON.stringify(code)} is not an integer or null.`);
  }
  const given = codes.filter((c) => c !== null);
  if (new Set(given).size !== given.length) report(at, "gives one code to two values.");
}

/** Reads a parameter schema's value rules; `enum` comes from the schema itself or the enumeration it refers to. */
export function readRules(schema: Record<string, unknown>, path: string, report: Report): Mutable<ValueRules> {
  const rules: Mutable<ValueRules> = {};
  for (const key of [...NUMBER_RULES, ...LENGTH_RULES]) {
    const value = schema[key];
    if (value === undefined) continue;
    const fits = NUMBER_RULES.includes(key as "minimum") ? schema.type === "integer" : schema.type === "string";
    if (typeof value !== "number" || !Number.isSafeInteger(value)) report(specPath(path, key), "must be an integer.");
    else if (!fits) report(specPath(path, key), `does not apply to a ${String(schema.type)} parameter.`);
    else rules[key] = value;
  }
  if (schema.pattern !== undefined) {
    if (typeof schema.pattern !== "string" || schema.type !== "string") {
      report(specPath(path, "pattern"), "must be a regular expression on a string parameter.");
    } else {
      try {
        new RegExp(schema.pattern, "u");
        rules.pattern = schema.pattern;
      } catch (error) {
        report(specPath(path, "pattern"), `is not a valid regular expression: ${(error as Error).message}`);
      }
    }
  }
  if (Array.isArray(schema.enum)) rules.enum = schema.enum as (string | number)[];
  return rules;
}

/**
 * Reads `x-dmsflow-pagination`: the page and size parameters must be integer parameters of the
 * operation, `items` (and `total`) dotted paths to a list (an integer) in its response.
 */
export function readPagination(
  paging: unknown,
  parameters: readonly Parameter[],
  output: Shape | undefined,
  model: (name: string) => ObjectShape,
  path: string,
  report: Report,
): Pagination | undefined {
  if (!isObject(paging)) {
    report(path, "must be an object with pageParameter, sizeParameter, items and optionally total.");
    return undefined;
  }
  let ok = true;
  for (const key of ["pageParameter", "sizeParameter"] as const) {
    const name = paging[key];
    const parameter = parameters.find((p) => p.name === name);
    if (parameter?.wireType !== "Long" && parameter?.wireType !== "Integer") {
      report(specPath(path, key), `must name an integer parameter of the operation, got ${JSON.stringify(name)}.`);
      ok = false;
    }
  }
  for (const key of ["items", "total"] as const) {
    const value = paging[key];
    if (value === undefined && key === "total") continue;
    const target = typeof value === "string" && output !== undefined ? shapeAt(output, value.split("."), model) : undefined;
    const fits = key === "items" ? target?.kind === "array" : isInteger(target);
    if (!fits) {
      report(
        specPath(path, key),
        `must be the dotted path of ${key === "items" ? "an array" : "an integer"} in the response, got ${JSON.stringify(value)}.`,
      );
      ok = false;
    }
  }
  if (!ok) return undefined;
  return {
    pageParameter: paging.pageParameter as string,
    sizeParameter: paging.sizeParameter as string,
    items: (paging.items as string).split("."),
    ...(typeof paging.total === "string" ? { total: paging.total.split(".") } : {}),
  };
}

/** Follows property names through objects (and the models they refer to) to a shape, or undefined. */
function shapeAt(shape: Shape, names: readonly string[], model: (name: string) => ObjectShape): Shape | undefined {
  if (names.length === 0) return shape;
  const object = shape.kind === "object" ? shape : shape.kind === "ref" ? model(shape.name) : undefined;
  const [first, ...rest] = names;
  const property = object?.properties.find((p) => p.name === first);
  return property && shapeAt(property.shape, rest, model);
}

function isInteger(shape: Shape | undefined): boolean {
  const kind = shape?.kind === "enum" ? shape.base : shape?.kind;
  return kind === "int32" || kind === "int64";
}

/** Reads the root `x-dmsflow-error-codes` table: unique codes, a kind, an HTTP status, a message and a meaning each. */
export function readErrorCodes(document: Record<string, unknown>, report: Report): ErrorCodeEntry[] {
  const table = document["x-dmsflow-error-codes"];
  if (table === undefined) return [];
  const path = "x-dmsflow-error-codes";
  if (!Array.isArray(table)) {
    report(path, "must be a list of error codes.");
    return [];
  }
  const seen = new Set<string>();
  const entries: ErrorCodeEntry[] = [];
  for (const [i, entry] of table.entries()) {
    const at = specPath(path, i);
    if (!isObject(entry)) {
      report(at, "must be an object with code, kind, httpStatus, message, meaning and documented.");
      continue;
    }
    if (typeof entry.code !== "string" || !CODE.test(entry.code))
      report(specPath(at, "code"), "must be an error code like InvalidParameter or Throttling.User.");
    else if (seen.has(entry.code)) report(specPath(at, "code"), `duplicate code ${entry.code}.`);
    else seen.add(entry.code);
    if (entry.kind !== "business" && entry.kind !== "gateway") report(specPath(at, "kind"), 'must be "business" or "gateway".');
    if (!Number.isInteger(entry.httpStatus) || (entry.httpStatus as number) < 200 || (entry.httpStatus as number) > 599) {
      report(specPath(at, "httpStatus"), "must be an HTTP status.");
    }
    for (const key of ["message", "meaning"]) {
      if (typeof entry[key] !== "string" || entry[key] === "") report(specPath(at, key), "must be a non-empty string.");
    }
    if (typeof entry.documented !== "boolean") report(specPath(at, "documented"), "must be true or false.");
    if (entry.documented === true && typeof entry.source !== "string")
      report(specPath(at, "source"), "a documented code needs the URL of its source.");
    entries.push({
      code: entry.code as string,
      kind: entry.kind as ErrorCodeEntry["kind"],
      httpStatus: entry.httpStatus as number,
      message: entry.message as string,
      meaning: text(entry.meaning),
      documented: entry.documented === true,
      ...(typeof entry.source === "string" ? { source: entry.source } : {}),
    });
  }
  return entries;
}
