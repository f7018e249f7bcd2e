import { UsageError } from "./usageError.js";

const INT64_MAX = 2n ** 63n - 1n;

/**
 * Checks an ID flag (`--dag-id`, `--instance-id`, `--tid`): a positive int64 in decimal, returned as
 * canonical decimal text so that 9007199254740993 stays exact all the way to the wire.
 */
export function parseId(flag: string, text: string): string {
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  if (!/^\d+$/.test(text)) {
    throw new UsageError(`--${flag} must be a whole number such as 12345; got ${shown}.`);
  }
  const value = BigInt(text);
  if (value < 1n || value > INT64_MAX) {
    throw new UsageError(`--${flag} must be between 1 and ${INT64_MAX} (a positive int64); got ${shown}.`);
  }
  return value.toString();
}
