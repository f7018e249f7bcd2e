import { describe, expect, it } from "vitest";
import { DmsServiceError, DmsThrottlingError } from "../errors/serviceErrors.js";
import { resolveRetry, retryDelayMs, STANDARD_RETRY } from "./retryPolicy.js";

const serverError = new DmsServiceError("InternalError", "x", true, { statusCode: 500 });
const throttled = (retryAfterMs?: number) => new DmsThrottlingError("Throttling", "x", { statusCode: 400, retryAfterMs });

describe("retry policy", () => {
  it("is 3 attempts, full jitter from 100 ms (500 ms when throttled), capped at 20 s", () => {
    expect(STANDARD_RETRY).toEqual({ maxAttempts: 3, baseDelayMs: 100, throttlingBaseDelayMs: 500, maxDelayMs: 20_000 });
    const top = () => 0.999999;
    expect(retryDelayMs(serverError, 1, STANDARD_RETRY, top)).toBe(99);
    expect(retryDelayMs(serverError, 2, STANDARD_RETRY, top)).toBe(199);
    expect(retryDelayMs(throttled(), 1, STANDARD_RETRY, top)).toBe(499);
    expect(retryDelayMs(throttled(), 3, STANDARD_RETRY, top)).toBe(1999);
    expect(retryDelayMs(serverError, 20, STANDARD_RETRY, top)).toBe(19_999);
    expect(retryDelayMs(serverError, 2, STANDARD_RETRY, () => 0)).toBe(0);
  });

  it("waits what x-acs-retry-after says, within maxDelayMs", () => {
    expect(retryDelayMs(throttled(1500), 1, STANDARD_RETRY)).toBe(1500);
    expect(retryDelayMs(throttled(60_000), 1, STANDARD_RETRY)).toBe(20_000);
  });

  it("merges options and refuses impossible ones", () => {
    expect(resolveRetry(false).maxAttempts).toBe(1);
    expect(resolveRetry({ maxAttempts: 5 })).toEqual({ ...STANDARD_RETRY, maxAttempts: 5 });
    expect(resolveRetry({ baseDelayMs: 1 }, { ...STANDARD_RETRY, maxAttempts: 7 }).maxAttempts).toBe(7);
    expect(() => resolveRetry({ maxAttempts: 1.5 })).toThrow(/integer of at least 1/);
    expect(() => resolveRetry({ maxDelayMs: -1 })).toThrow(/retry.maxDelayMs/);
    expect(() => resolveRetry("yes" as never)).toThrow(/retry must be false or an object/);
  });
});
