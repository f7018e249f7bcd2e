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
    return slot <= now ? Promise.resolve(!signal?.aborted) : sleep(slot - now, signal);
  }
}
