import { toInt64String } from "@dmsflow/client";

/** A seed that does not follow the documented format; the message names the field and what it needs. */
export class SeedError extends Error {
  override readonly name = "SeedError";
}

type Json = Record<string, unknown>;

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}

/** Throws a SeedError for the field at `path`. */
export function fail(path: string, expected: string, value: unknown): never {
  throw new SeedError(`Invalid seed: ${path} must be ${expected}; got ${show(value)}.`);
}

/** Reads an object and refuses fields it does not know (a typo would otherwise be silently ignored). */
export function readRecord(value: unknown, path: string, known: readonly string[]): Json {
  if (value === null || typeof value !== "object" || Array.isArray(value)) fail(path, "an object", value);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new SeedError(`Invalid seed: ${path} has an unknown field "${key}"; known fields: ${known.join(", ")}.`);
    }
  }
  return value as Json;
}

/** Reads an optional array (absent = empty). */
export function readList(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, "an array", value);
  return value;
}

/** Reads a required int64 as bigint. */
export function readId(value: unknown, path: string): bigint {
  const text = toInt64String(value);
  if (text === undefined) {
    const hint = typeof value === "number" ? " (a number beyond 2^53 has lost digits: write it as a string)" : "";
    fail(path, `an int64 (a decimal string or a safe integer)${hint}`, value);
  }
  return BigInt(text);
}

/** Reads an optional int64 as bigint or null. */
export function readOptionalId(value: unknown, path: string): bigint | null {
  return value === undefined || value === null ? null : readId(value, path);
}

/** Reads a string; absent gives the fallback, or fails when there is none. */
export function readText(value: unknown, path: string, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== "string") fail(path, "a string", value);
  return value;
}

/** Reads a non-empty string. */
export function readName(value: unknown, path: string): string {
  if (typeof value !== "string" || value === "") fail(path, "a non-empty string", value);
  return value;
}

/** Reads an integer in [min, max]; absent gives the fallback, or fails when there is none. */
export function readInteger(value: unknown, path: string, min: number, max: number, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    fail(path, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

/** Reads a boolean; absent gives the fallback. */
export function readFlag(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") fail(path, "true or false", value);
  return value;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z?$/;

/** Reads an optional time and returns it as the API prints times, `yyyy-MM-dd HH:mm:ss`. */
export function readTime(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") {
    const day = DAY.exec(value);
    if (day) return `${value} 00:00:00`;
    const full = DAY_TIME.exec(value);
    if (full) return `${full[1]}-${full[2]}-${full[3]} ${full[4]}:${full[5]}:${full[6]}`;
  }
  return fail(path, 'a time "yyyy-MM-dd HH:mm:ss" (UTC), "yyyy-MM-dd" or ISO 8601', value);
}
