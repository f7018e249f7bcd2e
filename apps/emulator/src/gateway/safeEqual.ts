import { timingSafeEqual } from "node:crypto";

/** Compares two secrets or signatures in constant time (for equal lengths), so timing reveals nothing. */
export function safeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
