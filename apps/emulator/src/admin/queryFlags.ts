import { AdminError } from "./adminError.js";

/** Refuses query parameters an endpoint does not know (a typo would otherwise be silently ignored). */
export function refuseUnknown(query: Readonly<Record<string, string>>, endpoint: string, known: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (!known.includes(name)) {
      throw new AdminError(400, "InvalidQuery", `${endpoint} has no parameter "${name}"; it takes: ${known.join(", ")}.`);
    }
  }
}

/** A true/false query parameter; absent gives the fallback. */
export function readFlag(query: Readonly<Record<string, string>>, name: string, fallback: boolean): boolean {
  const value = query[name];
  if (value === undefined) return fallback;
  if (value === "true" || value === "false") return value === "true";
  throw new AdminError(400, "InvalidQuery", `${name} must be true or false; got ${JSON.stringify(value)}.`);
}
