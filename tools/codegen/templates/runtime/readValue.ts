import type { Int64 } from "./int64.js";
import { DmsResponseFormatError } from "./responseError.js";

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

/** The path of a child value, as error messages show it: `a.b[3].c`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (key === "") return path;
  return path ? `${path}.${key}` : key;
}

function fail(path: string, key: string | number, expected: string, value: unknown): never {
  const got = Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
  throw new DmsResponseFormatError(childPath(path, key), `is ${got}, expected ${expected}.`);
}

/** Reads a JSON object at the top of a response or inside one. */
export function readObject(value: unknown, path: string, key: string | number = ""): JsonObject {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as JsonObject;
  return fail(path, key, "an object", value);
}

/** Reads a JSON array and each of its items. */
export function readArray<T>(
  value: unknown,
  path: string,
  key: string | number,
  readItem: (item: unknown, path: string, index: number) => T,
): T[] {
  if (!Array.isArray(value)) return fail(path, key, "an array", value);
  const where = childPath(path, key);
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = readItem(value[i], where, i);
  return out;
}

/** Reads an int64 as its exact decimal string. */
export function readInt64(value: unknown, path: string, key: string | number): Int64 {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  return fail(path, key, "an int64", value);
}

/** Reads an int32 (a number, or its decimal text). */
export function readInt32(value: unknown, path: string, key: string | number): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return fail(path, key, "an int32", value);
}

/** Reads a string; numbers and booleans become their text, as the service is loose about them. */
export function readString(value: unknown, path: string, key: string | number): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return fail(path, key, "a string", value);
}

/** Reads a boolean (also its text `true` / `false`). */
export function readBoolean(value: unknown, path: string, key: string | number): boolean {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  return fail(path, key, "a boolean", value);
}

/** Throws when a field the spec marks required is missing. */
export function requireField(value: unknown, path: string, key: string): void {
  if (value === undefined || value === null) throw new DmsResponseFormatError(childPath(path, key), "is missing.");
}
