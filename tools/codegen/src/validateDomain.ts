import { isObject, resolveRef } from "./resolveRef.js";
import { type Report, specPath } from "./specError.js";

// The domain extensions of the spec (SOURCE.md): enumerations, value rules, parameter positions,
// pagination and the error-code table. Checked here so that a mistake stops the generator with its path.

const VAR_NAME = /^[a-z][A-Za-z0-9]*$/;
const CODE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)*$/;
const POSITIONS = new Set(["Query", "Body"]);
const NUMBER_RULES = ["minimum", "maximum"] as const;
const LENGTH_RULES = ["minLength", "maxLength"] as const;

/** Checks a named enumeration: its base type, its values, and one identifier (and description) per value. */
export function checkEnumSchema(schema: Record<string, unknown>, path: string, report: Report): void {
  const values = schema.enum as unknown[];
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

/** Checks an operation's parameter positions and value rules, and its pagination. */
export function checkParameterDomain(document: unknown, op: Record<string, unknown>, path: string, report: Report): void {
  const parameters = Array.isArray(op.parameters) ? op.parameters : [];
  const byName = new Map<string, Record<string, unknown>>();
  for (const [index, raw] of parameters.entries()) {
    const at = specPath(specPath(path, "parameters"), index);
    const resolved = resolveRef(document, raw, at);
    if ("error" in resolved || !isObject(resolved.value)) continue;
    const p = resolved.value;
    const position = p["x-acs-position"];
    if (position !== undefined && !POSITIONS.has(position as string)) {
      report(specPath(resolved.path, "x-acs-position"), `must be "Query" or "Body", got ${JSON.stringify(position)}.`);
    }
    const schema = resolveRef(document, p.schema, specPath(resolved.path, "schema"));
    if ("error" in schema || !isObject(schema.value)) continue;
    if (typeof p.name === "string") byName.set(p.name, schema.value);
    checkRules(schema.value, schema.path, report);
  }
  const paging = op["x-dmsflow-pagination"];
  if (paging !== undefined) checkPagination(document, op, paging, byName, specPath(path, "x-dmsflow-pagination"), report);
}

function checkRules(schema: Record<string, unknown>, path: string, report: Report): void {
  for (const key of [...NUMBER_RULES, ...LENGTH_RULES]) {
    if (schema[key] === undefined) continue;
    const fits = NUMBER_RULES.includes(key as "minimum") ? schema.type === "integer" : schema.type === "string";
    if (typeof schema[key] !== "number" || !Number.isSafeInteger(schema[key])) report(specPath(path, key), "must be an integer.");
    else if (!fits) report(specPath(path, key), `does not apply to a ${String(schema.type)} parameter.`);
  }
  if (schema.pattern !== undefined) {
    if (typeof schema.pattern !== "string" || schema.type !== "string") {
      report(specPath(path, "pattern"), "must be a regular expression on a string parameter.");
    } else {
      try {
        new RegExp(schema.pattern, "u");
      } catch (error) {
        report(specPath(path, "pattern"), `is not a valid regular expression: ${(error as Error).message}`);
      }
    }
  }
}

function checkPagination(
  document: unknown,
  op: Record<string, unknown>,
  paging: unknown,
  parameters: Map<string, Record<string, unknown>>,
  path: string,
  report: Report,
): void {
  if (!isObject(paging)) {
    report(path, "must be an object with pageParameter, sizeParameter, items and optionally total.");
    return;
  }
  for (const key of ["pageParameter", "sizeParameter"] as const) {
    const name = paging[key];
    const schema = typeof name === "string" ? parameters.get(name) : undefined;
    if (schema === undefined || schema.type !== "integer") {
      report(specPath(path, key), `must name an integer parameter of the operation, got ${JSON.stringify(name)}.`);
    }
  }
  const output = outputSchemaOf(document, op);
  for (const key of ["items", "total"] as const) {
    const value = paging[key];
    if (value === undefined && key === "total") continue;
    const target = typeof value === "string" && output !== undefined ? schemaAt(document, output, value.split(".")) : undefined;
    const want = key === "items" ? "array" : "integer";
    if (target?.type !== want) {
      report(
        specPath(path, key),
        `must be the dotted path of ${key === "items" ? "an array" : "an integer"} in the response, got ${JSON.stringify(value)}.`,
      );
    }
  }
}

function outputSchemaOf(document: unknown, op: Record<string, unknown>): Record<string, unknown> | undefined {
  const responses = isObject(op.responses) ? op.responses : {};
  const ok = resolveRef(document, responses["200"], "");
  if ("error" in ok || !isObject(ok.value) || !isObject(ok.value.content)) return undefined;
  const json = ok.value.content["application/json"];
  return isObject(json) ? schemaAt(document, json.schema, []) : undefined;
}

/** Follows property names through objects (and allOf parts) to a schema, or undefined. */
function schemaAt(document: unknown, raw: unknown, names: readonly string[]): Record<string, unknown> | undefined {
  const resolved = resolveRef(document, raw, "");
  if ("error" in resolved || !isObject(resolved.value)) return undefined;
  const schema = resolved.value;
  if (names.length === 0) return schema;
  const [first, ...rest] = names;
  const props = isObject(schema.properties) ? schema.properties : {};
  if (Object.hasOwn(props, first!)) return schemaAt(document, props[first!], rest);
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const found = schemaAt(document, part, names);
    if (found) return found;
  }
  return undefined;
}

/** Checks the root `x-dmsflow-error-codes` table: unique codes, a kind, an HTTP status, a message and a meaning each. */
export function checkDomainExtensions(document: Record<string, unknown>, report: Report): void {
  const table = document["x-dmsflow-error-codes"];
  if (table === undefined) return;
  const path = "x-dmsflow-error-codes";
  if (!Array.isArray(table)) {
    report(path, "must be a list of error codes.");
    return;
  }
  const seen = new Set<string>();
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
  }
}
