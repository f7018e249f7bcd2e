import type { ParameterDescriptor } from "./operation.js";

/**
 * Checks a parameter's value against the rules the spec declares for it; returns why it breaks one,
 * or undefined. The client's writer and the emulator's gateway both call it, so both sides of the
 * wire hold values to the same rules. Int64 values arrive as canonical decimal text and are compared
 * exactly as bigint (a bigint compares with a number bound as JavaScript defines it).
 */
export function breaksRules(p: ParameterDescriptor, value: string | number | boolean): string | undefined {
  const r = p.rules;
  if (r === undefined) return undefined;
  if (r.enum !== undefined && !r.enum.includes(p.wireType === "Long" ? Number(value) : (value as string | number))) {
    return `must be one of ${r.enum.join(", ")}`;
  }
  if (p.wireType === "String") {
    const length = [...(value as string)].length;
    if (length < (r.minLength ?? 0)) return `must be at least ${r.minLength} characters long`;
    if (length > (r.maxLength ?? Number.POSITIVE_INFINITY)) return `must be at most ${r.maxLength} characters long`;
    if (r.pattern !== undefined && !new RegExp(r.pattern, "u").test(value as string)) return `must match ${r.pattern}`;
    return undefined;
  }
  const n = p.wireType === "Long" ? BigInt(value as string) : (value as number);
  if (n < (r.minimum ?? Number.NEGATIVE_INFINITY)) return `must be ${r.minimum} or more`;
  if (n > (r.maximum ?? Number.POSITIVE_INFINITY)) return `must be ${r.maximum} or less`;
  return undefined;
}
