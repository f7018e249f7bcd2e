/** An int64 as callers may pass it: a bigint, a decimal string, or a number that is a safe integer. */
export type Int64Input = bigint | string | number;

/**
 * An int64 as dmsflow returns it: a decimal string. Strings (not bigint) because they survive
 * `JSON.stringify`, print as they are and compare with `===`, while staying exact at every magnitude.
 */
export type Int64 = string;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL = /^-?\d+$/;

/** Returns the canonical decimal form of an int64 input, or undefined when it is not a valid int64. */
export function toInt64String(value: unknown): string | undefined {
  let big: bigint;
  if (typeof value === "bigint") {
    big = value;
  } else if (typeof value === "number") {
    // A number beyond 2^53 has already lost digits before it reached us, so refuse it.
    return Number.isSafeInteger(value) ? String(value) : undefined;
  } else if (typeof value === "string" && DECIMAL.test(value)) {
    if (value.length < 16) return String(Number(value));
    big = BigInt(value);
  } else {
    return undefined;
  }
  return big >= INT64_MIN && big <= INT64_MAX ? big.toString() : undefined;
}
