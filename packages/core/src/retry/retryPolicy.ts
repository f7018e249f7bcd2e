import { DmsConfigError } from "../errors/localErrors.js";
import { DmsThrottlingError } from "../errors/serviceErrors.js";

/** Retry settings; every field optional. `retry: false` means one attempt. */
export interface DmsRetryOptions {
  /** Attempts in all, the first included (default 3). */
  readonly maxAttempts?: number;
  /** Backoff base for network errors and 5xx (default 100 ms). */
  readonly baseDelayMs?: number;
  /** Backoff base for throttling (default 500 ms). */
  readonly throttlingBaseDelayMs?: number;
  /** Cap on any single delay, x-acs-retry-after included (default 20 s). */
  readonly maxDelayMs?: number;
}

/** The retry settings of one call, after merging client and call options. */
export interface ResolvedRetry {
  /** Attempts in all, first one included. */
  readonly maxAttempts: number;
  /** Full-jitter backoff base for ordinary errors. */
  readonly baseDelayMs: number;
  /** Full-jitter backoff base for throttling. */
  readonly throttlingBaseDelayMs: number;
  /** Cap on any one delay, x-acs-retry-after included. */
  readonly maxDelayMs: number;
}

/** The standard policy: 3 attempts, full jitter from 100 ms (500 ms when throttled), capped at 20 s. */
export const STANDARD_RETRY: ResolvedRetry = { maxAttempts: 3, baseDelayMs: 100, throttlingBaseDelayMs: 500, maxDelayMs: 20_000 };

const NO_RETRY: ResolvedRetry = { ...STANDARD_RETRY, maxAttempts: 1 };

/** Merges retry options over a base policy; throws DmsConfigError for impossible values. */
export function resolveRetry(option: DmsRetryOptions | false | undefined, base: ResolvedRetry = STANDARD_RETRY): ResolvedRetry {
  if (option === undefined) return base;
  if (option === false) return NO_RETRY;
  if (option === null || typeof option !== "object") {
    throw new DmsConfigError("retry", "retry must be false or an object such as { maxAttempts: 5 }.");
  }
  const resolved: ResolvedRetry = {
    maxAttempts: option.maxAttempts ?? base.maxAttempts,
    baseDelayMs: option.baseDelayMs ?? base.baseDelayMs,
    throttlingBaseDelayMs: option.throttlingBaseDelayMs ?? base.throttlingBaseDelayMs,
    maxDelayMs: option.maxDelayMs ?? base.maxDelayMs,
  };
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1) {
    throw new DmsConfigError("retry", `retry.maxAttempts must be an integer of at least 1, got ${String(option.maxAttempts)}.`);
  }
  for (const key of ["baseDelayMs", "throttlingBaseDelayMs", "maxDelayMs"] as const) {
    if (!Number.isFinite(resolved[key]) || resolved[key] < 0) {
      throw new DmsConfigError("retry", `retry.${key} must be a number of milliseconds >= 0, got ${String(option[key])}.`);
    }
  }
  return resolved;
}

/**
 * The wait before the next attempt. The gateway's x-acs-retry-after wins when it sent one;
 * otherwise full jitter: a uniform random wait in [0, min(cap, base * 2^(attempt-1))).
 */
export function retryDelayMs(error: unknown, attempt: number, retry: ResolvedRetry, random: () => number = Math.random): number {
  if (error instanceof DmsThrottlingError && error.retryAfterMs !== undefined) {
    return Math.min(Math.max(error.retryAfterMs, 0), retry.maxDelayMs);
  }
  const base = error instanceof DmsThrottlingError ? retry.throttlingBaseDelayMs : retry.baseDelayMs;
  const ceiling = Math.min(retry.maxDelayMs, base * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
