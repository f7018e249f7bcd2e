import { describe, expect, it } from "vitest";
import { ReplayGuard, SIGNING_WINDOW_MS } from "./replayGuard.js";

describe("ReplayGuard", () => {
  it("refuses a nonce a key used within the window; other keys are independent", () => {
    const guard = new ReplayGuard();
    expect(guard.claim("k", "n1", 1000, 1000)).toBe(true);
    expect(guard.claim("k", "n1", 1000, 2000)).toBe(false);
    expect(guard.claim("other", "n1", 1000, 2000)).toBe(true);
  });

  it("remembers a nonce as long as its signing time is accepted, and forgets it after", () => {
    const guard = new ReplayGuard();
    guard.claim("k", "n1", 0, 0);
    expect(guard.claim("k", "n1", 0, SIGNING_WINDOW_MS)).toBe(false);
    expect(guard.claim("k", "n1", 0, SIGNING_WINDOW_MS + 1000)).toBe(true);
  });

  it("prunes expired nonces as new ones arrive, and keeps at most its capacity", () => {
    const guard = new ReplayGuard(100);
    for (let i = 0; i < 50; i++) guard.claim("k", `old${i}`, 0, 0);
    for (let i = 0; i < 50; i++) guard.claim("k", `new${i}`, 2 * SIGNING_WINDOW_MS, 2 * SIGNING_WINDOW_MS);
    expect(guard.size).toBeLessThan(100);
    for (let i = 0; i < 500; i++) guard.claim("k", `flood${i}`, 3 * SIGNING_WINDOW_MS, 3 * SIGNING_WINDOW_MS);
    expect(guard.size).toBe(100);
  });
});
