import type { Int64 } from "./int64.js";
import { DmsResponseFormatError } from "./responseError.js";
import type { Schema } from "./schema.js";

/** The path of a child value, as error messages show it: `a.b[3].c`. */
function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (key === "") return path;
  return path ? `${path}.${key}` : key;
}

function fail(path: string, key: string | number, expected: string, value: unknown): never {
  const got = Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
  throw new DmsResponseFormatError(childPath(path, key), `is ${got}, expected ${expected}.`);
}

/**
 * Reads parsed JSON by a schema: checks each value's type and each required member, keeps int64
 * values as exact decimal strings, and drops members the schema does not name. Throws
 * DmsResponseFormatError naming the path of the first value that does not fit.
 */
export function readValue(schema: Schema, value: unknown, path = "", key: string | number = ""): unknown {
  switch (schema) {
    case "int64":
      return readInt64(value, path, key);
    case "int32":
      if (typeof value === "number") return value;
      if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
      return fail(path, key, "an int32", value);
    case "string":
      // The service is loose about scalars: numbers and booleans become their text.
      if (typeof value === "string") return value;
      if (typeof value === "number" || typeof value === "boolean") return String(value);
      return fail(path, key, "a string", value);
    case "boolean":
      if (typeof value === "boolean") return value;
      if (value === "true" || value === "false") return value === "true";
      return fail(path, key, "a boolean", value);
  }
  if ("list" in schema) {
    if (!Array.isArray(value)) return fail(path, key, "an array", value);
    const where = childPath(path, key);
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = readValue(schema.list, value[i], where, i);
    return out;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return fail(path, key, "an object", value);
  const object = value as Record<string, unknown>;
  const here = childPath(path, key);
  if (schema.required) {
    for (const name of schema.required) {
      if (object[name] == null) throw new DmsResponseFormatError(childPath(here, name), "is missing.");
    }
  }
  const out: Record<string, unknown> = {};
  const members = schema.members;
  for (const name in members) {
    const member = object[name];
    if (member != null) out[name] = readValue(members[name]!, member, here, name);
  }
  return out;
}

function readInt64(value: unknown, path: string, key: string | number): Int64 {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  return fail(path, key, "an int64", value);
}
