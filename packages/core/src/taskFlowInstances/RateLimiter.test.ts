import { describe, expect, it } from "vitest";
import { RateLimiter } from "./RateLimiter.js";

describe("RateLimiter", () => {
  it("never lets a start through before its slot, though timers fire up to ~1 ms early by performance.now()", async () => {
    // 100 per second: a slot every 10 ms from the first take. Busy work between takes leaves the event
    // loop's cached clock behind performance.now(), which is when setTimeout fires early.
    const limiter = new RateLimiter(100);
    // The first slot is at or after this instant; starts[0] itself may come later (the resolution is a
    // microtask away, longer on a loaded machine), so it would be a wrong base for the later slots.
    const before = performance.now();
    const starts: number[] = [];
    for (let i = 0; i < 30; i++) {
      await limiter.take();
      starts.push(performance.now());
      const busy = performance.now();
      while (performance.now() - busy < 3) {}
    }
    const early = starts.map((t, i) => t - (before + 10 * i)).filter((lag) => lag < 0);
    expect(early).toEqual([]);
  });
});
