import { UsageError } from "./usageError.js";

/** Reads a whole-number flag within bounds (`--concurrency`, `--retries`, `--page-size`). */
export function parseWholeNumber(flag: string, text: string, min: number, max: number): number {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    if (value >= min && value <= max) return value;
  }
  throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}; got ${JSON.stringify(text)}.`);
}

/** Reads a positive rate per second (`--max-rate`), fractions allowed: 0.5 is one call every 2 s. */
export function parseRate(flag: string, text: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) {
    const value = Number(text);
    if (value > 0 && value <= 100_000) return value;
  }
  throw new UsageError(`--${flag} must be a number of calls per second above 0, such as 20 or 0.5; got ${JSON.stringify(text)}.`);
}
