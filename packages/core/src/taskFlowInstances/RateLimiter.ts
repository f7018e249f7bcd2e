import { sleep } from "../retry/sleep.js";

/** Spaces out starts to at most `ratePerSecond` per second (no bursts), shared by concurrent workers. */
export class RateLimiter {
  readonly #intervalMs: number;
  #next = 0;

  constructor(ratePerSecond: number) {
    this.#intervalMs = ratePerSecond === Number.POSITIVE_INFINITY ? 0 : 1000 / ratePerSecond;
  }

  /** Waits for the next slot; resolves false if the signal aborted first. */
  take(signal?: AbortSignal): Promise<boolean> {
    if (this.#intervalMs === 0) return Promise.resolve(!signal?.aborted);
    const now = performance.now();
    const slot = Math.max(now, this.#next);
    this.#next = slot + this.#intervalMs;
    return slot <= now ? Promise.resolve(!signal?.aborted) : waitUntil(slot, signal);
  }
}

// setTimeout counts from the event loop's cached clock, which can trail performance.now() by a
// millisecond or more after busy work: a timer may fire before its slot. Sleep again for what is left.
async function waitUntil(slot: number, signal?: AbortSignal): Promise<boolean> {
  for (let now = performance.now(); now < slot; now = performance.now()) {
    if (!(await sleep(slot - now, signal))) return false;
  }
  return !signal?.aborted;
}
