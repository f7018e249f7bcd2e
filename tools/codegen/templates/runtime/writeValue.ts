import { toInt64String } from "./int64.js";
import type { Schema } from "./schema.js";

/** Why a value does not fit its schema: the path of the first wrong value and what was expected. */
export class SchemaMismatch extends Error {
  override readonly name = "SchemaMismatch";

  constructor(
    /** Where the value is, e.g. `[2].NodeFrom`. */
    readonly path: string,
    /** What is wrong, e.g. `must be an int64`. */
    readonly reason: string,
  ) {
    super(`${path || "the value"} ${reason}`);
  }
}

/**
 * Writes a value as JSON text by a schema, the mirror of readValue: int64 values (bigint, decimal
 * string or safe integer) are written as bare digits so no digit is lost, members come in schema
 * order, and a member the schema does not name or a missing required one is refused. Used for Json
 * parameters and, in the emulator, for replies, so both follow the spec. Throws SchemaMismatch.
 */
export function writeValue(schema: Schema, value: unknown, path = ""): string {
  switch (schema) {
    case "int64": {
      const text = toInt64String(value);
      if (text === undefined) throw new SchemaMismatch(path, "must be an int64 (a bigint, a decimal string or a safe integer)");
      return text;
    }
    case "int32":
      if (Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31) return String(value);
      throw new SchemaMismatch(path, "must be an int32 integer");
    case "string":
      if (typeof value === "string") return JSON.stringify(value);
      throw new SchemaMismatch(path, "must be a string");
    case "boolean":
      if (typeof value === "boolean") return String(value);
      throw new SchemaMismatch(path, "must be true or false");
  }
  if ("list" in schema) {
    if (!Array.isArray(value)) throw new SchemaMismatch(path, "must be an array");
    return `[${value.map((item, i) => writeValue(schema.list, item, `${path}[${i}]`)).join(",")}]`;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new SchemaMismatch(path, "must be an object");
  const object = value as Record<string, unknown>;
  const members = schema.members;
  for (const key in object) {
    if (!Object.hasOwn(members, key) && object[key] !== undefined) {
      throw new SchemaMismatch(path ? `${path}.${key}` : key, `is not a member; expected ${Object.keys(members).join(", ")}`);
    }
  }
  for (const name of schema.required ?? []) {
    if (object[name] == null) throw new SchemaMismatch(path ? `${path}.${name}` : name, "is required");
  }
  const parts: string[] = [];
  for (const name in members) {
    const member = object[name];
    if (member != null)
      parts.push(`${JSON.stringify(name)}:${writeValue(members[name]!, member, path ? `${path}.${name}` : name)}`);
  }
  return `{${parts.join(",")}}`;
}
