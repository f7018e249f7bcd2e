import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rateLimiter.js";

describe("RateLimiter", () => {
  it("allows a burst, then asks to wait until a token is back", () => {
    const limiter = new RateLimiter();
    const limit = { requestsPerSecond: 2, burst: 3 };
    expect([0, 1, 2].map(() => limiter.take("k", limit, 0))).toEqual([0, 0, 0]);
    expect(limiter.take("k", limit, 0)).toBe(500);
    expect(limiter.take("k", limit, 500)).toBe(0);
  });

  it("never throttles a key without a limit, and keeps keys apart", () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 1000; i++) expect(limiter.take("free", undefined, 0)).toBe(0);
    const limit = { requestsPerSecond: 1, burst: 1 };
    expect(limiter.take("a", limit, 0)).toBe(0);
    expect(limiter.take("b", limit, 0)).toBe(0);
    expect(limiter.take("a", limit, 0)).toBeGreaterThan(0);
  });

  it("does not bank more than the burst", () => {
    const limiter = new RateLimiter();
    const limit = { requestsPerSecond: 10, burst: 2 };
    limiter.take("k", limit, 0);
    const allowed = [0, 0, 0].map(() => limiter.take("k", limit, 60_000));
    expect(allowed.filter((w) => w === 0)).toHaveLength(2);
  });
});
