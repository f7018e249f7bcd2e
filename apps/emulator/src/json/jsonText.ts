/**
 * Helpers for writing response JSON by hand. Responses are built as text so that int64 values
 * (bigint from SQLite) print as raw JSON numbers with every digit, e.g. "Id":9007199254740993,
 * which JSON.stringify of a number cannot do.
 */

/** A JSON string literal. */
export function str(text: string): string {
  return JSON.stringify(text);
}

/** `"name":value` when the value is present, else nothing; `value` is already JSON text. */
export function member(name: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : `"${name}":${value}`;
}

/** Joins the members that are present into object text. */
export function object(members: readonly (string | undefined)[]): string {
  let out = "{";
  let first = true;
  for (const m of members) {
    if (m === undefined) continue;
    out += first ? m : `,${m}`;
    first = false;
  }
  return `${out}}`;
}

/** A JSON string member for a nullable text column. */
export function textOrUndefined(value: string | null): string | undefined {
  return value === null ? undefined : str(value);
}

/** A JSON number member for a nullable int64 column. */
export function int64OrUndefined(value: bigint | null): string | undefined {
  return value === null ? undefined : String(value);
}
