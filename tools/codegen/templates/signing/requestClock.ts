import { randomUUID } from "node:crypto";

let cachedSecond = -1;
let cachedStamp = "";

/** The current UTC time at second precision (`2024-01-01T00:00:00Z`), as x-acs-date and V1 Timestamp want it. */
export function timestampNow(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  // Formatting a Date costs more than the rest of the header block; one format per second is enough.
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedStamp = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
  }
  return cachedStamp;
}

/** A fresh signature nonce: a random UUID, new for every attempt. */
export function nonceNow(): string {
  return randomUUID();
}
