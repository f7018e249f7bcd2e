import { enumerations, type ParameterDescriptor, type Schema } from "@dmsflow/client";

/** A JSON Schema object, as MCP tool input schemas carry it. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Decimal int64 text: JSON numbers lose digits past 2^53, so ids travel as strings. */
export const INT64_PATTERN = "^-?\\d{1,19}$";

/** The names an enumeration parameter accepts: identifiers for numeric values, the values themselves for text ones. */
export function enumNames(p: ParameterDescriptor): Record<string, string | number> | undefined {
  const table = p.enumeration === undefined ? undefined : (enumerations as Record<string, { values: object }>)[p.enumeration];
  if (table === undefined) return undefined;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(table.values) as [string, string | number][]) {
    out[typeof value === "number" ? name : value] = value;
  }
  return out;
}

/** A few words per enumeration value, for the parameter's description. */
function enumWords(p: ParameterDescriptor): string {
  const table = (enumerations as Record<string, { values: object; descriptions: Record<string, string> }>)[p.enumeration!]!;
  const entries = Object.entries(table.values) as [string, string | number][];
  const listed = entries.map(([name, value]) =>
    typeof value === "number" ? `${name} (${value}: ${table.descriptions[value]})` : `${value} (${table.descriptions[value]})`,
  );
  return `${p.rules?.enum === undefined ? "Known values, others allowed" : "One of"}: ${listed.join(", ")}.`;
}

/** Value rules that JSON Schema cannot state for a decimal string, in words. */
function int64Bounds(p: ParameterDescriptor): string {
  const { minimum, maximum } = p.rules ?? {};
  if (minimum !== undefined && maximum !== undefined) return ` From ${minimum} to ${maximum}.`;
  if (minimum !== undefined) return ` At least ${minimum}.`;
  return maximum !== undefined ? ` At most ${maximum}.` : "";
}

/**
 * The JSON Schema of one request parameter, from its descriptor: int64 as decimal strings, an
 * enumeration by its names, a Json parameter as the document's own shape, the spec's value rules.
 */
export function parameterSchema(p: ParameterDescriptor, description: string): JsonSchema {
  const r = p.rules ?? {};
  const names = enumNames(p);
  if (names !== undefined) {
    const text = `${description} ${enumWords(p)}`.trim();
    const keys = Object.keys(names);
    return r.enum === undefined
      ? { type: "string", description: text, examples: keys }
      : { type: "string", enum: keys, description: text };
  }
  switch (p.wireType) {
    case "Long":
      return {
        type: "string",
        pattern: INT64_PATTERN,
        description: `${description} An int64 as a decimal string.${int64Bounds(p)}`,
      };
    case "Integer":
      return { type: "integer", ...pick(r, ["minimum", "maximum"]), ...(r.enum ? { enum: r.enum } : {}), description };
    case "Boolean":
      return { type: "boolean", description };
    case "String":
      return {
        type: "string",
        ...pick(r, ["minLength", "maxLength", "pattern"]),
        ...(r.enum ? { enum: r.enum } : {}),
        description,
      };
    case "Json":
      return { ...documentSchema(p.schema!), description };
  }
}

/** The JSON Schema of a Json parameter's document (or a part of it). */
export function documentSchema(schema: Schema): JsonSchema {
  switch (schema) {
    case "int64":
      return { type: "string", pattern: INT64_PATTERN };
    case "int32":
      return { type: "integer" };
    case "string":
      return { type: "string" };
    case "boolean":
      return { type: "boolean" };
  }
  if ("list" in schema) return { type: "array", items: documentSchema(schema.list) };
  const properties: Record<string, JsonSchema> = {};
  for (const [name, member] of Object.entries(schema.members)) properties[name] = documentSchema(member);
  return {
    type: "object",
    properties,
    ...(schema.required?.length ? { required: schema.required } : {}),
    additionalProperties: false,
  };
}

function pick(rules: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rules).filter(([key]) => keys.includes(key)));
}
