import { randomUUID } from "node:crypto";

/** A request ID shaped like the real service's: an upper-case UUID. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}
