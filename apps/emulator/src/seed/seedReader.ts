import { formatZonedTime } from "../engine/zonedTime.js";

/** A seed that does not follow the documented format; the message names the field and what it needs. */
export class SeedError extends Error {
  override readonly name = "SeedError";
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}

/** The message for a field at `path` that is not what it must be. */
export function invalidField(path: string, expected: string, value: unknown): string {
  return `Invalid seed: ${path} must be ${expected}; got ${show(value)}.`;
}

/** Throws a SeedError for the field at `path`. */
export function fail(path: string, expected: string, value: unknown): never {
  throw new SeedError(invalidField(path, expected, value));
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** What a seed time must be, for messages and the schema. */
export const SEED_TIME_FORMS =
  'a time "yyyy-MM-dd HH:mm:ss" (the flow\'s time zone), "yyyy-MM-dd" or ISO 8601 with Z or an offset';

/**
 * Reads an optional time and returns it as DMS shows times, `yyyy-MM-dd HH:mm:ss` in the flow's time
 * zone `zone`: a wall-clock time is taken as written, an instant (ISO 8601 with Z or an offset) is
 * converted to that zone.
 */
export function readTime(value: unknown, path: string, zone: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") {
    const day = DAY.exec(value);
    if (day) return `${value} 00:00:00`;
    const full = DAY_TIME.exec(value);
    if (full?.[7]) {
      const instant = Date.parse(value);
      if (!Number.isNaN(instant)) return formatZonedTime(instant, zone);
    } else if (full) return `${full[1]}-${full[2]}-${full[3]} ${full[4]}:${full[5]}:${full[6]}`;
  }
  return fail(path, SEED_TIME_FORMS, value);
}
