import type { ParameterDescriptor } from "./operation.js";

/**
 * Checks a parameter's value against the rules the spec declares for it; returns why it breaks one,
 * or undefined. The client's writer and the emulator's gateway both call it, so both sides of the
 * wire hold values to the same rules. Int64 values arrive as canonical decimal text.
 */
export function breaksRules(p: ParameterDescriptor, value: string | number | boolean): string | undefined {
  const rules = p.rules;
  if (rules === undefined) return undefined;
  if (rules.enum !== undefined && !rules.enum.includes(p.wireType === "Long" ? Number(value) : (value as string | number))) {
    return `must be one of ${rules.enum.join(", ")}`;
  }
  if (typeof value === "string" && p.wireType === "String") {
    const length = [...value].length;
    if (rules.minLength !== undefined && length < rules.minLength) return `must be at least ${rules.minLength} characters long`;
    if (rules.maxLength !== undefined && length > rules.maxLength) return `must be at most ${rules.maxLength} characters long`;
    if (rules.pattern !== undefined && !new RegExp(rules.pattern, "u").test(value)) return `must match ${rules.pattern}`;
    return undefined;
  }
  // Long values are decimal text: compare exactly as bigint.
  const n = p.wireType === "Long" ? BigInt(value as string) : (value as number);
  if (rules.minimum !== undefined && n < rules.minimum) return `must be ${rules.minimum} or more`;
  if (rules.maximum !== undefined && n > rules.maximum) return `must be ${rules.maximum} or less`;
  return undefined;
}
