import { toInt64String } from "./int64.js";
import { DmsParameterError } from "./parameterError.js";

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Throws unless the input is a plain object whose keys are all known parameters of the action. */
export function checkInputKeys(action: string, input: unknown, known: readonly string[]): void {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new DmsParameterError(action, "", `the input must be an object of parameters, got ${describe(input)}.`);
  }
  for (const key in input) {
    if (!known.includes(key)) {
      const hint = known.find((k) => k.toLowerCase() === key.toLowerCase());
      const advice = hint ? `did you mean ${hint}?` : `known parameters: ${known.join(", ")}.`;
      throw new DmsParameterError(action, key, `unknown parameter ${key}; ${advice}`);
    }
  }
}

/** Throws when a required parameter is absent. */
export function requireParameter(action: string, name: string, value: unknown): void {
  if (value === undefined || value === null) {
    throw new DmsParameterError(action, name, `${name} is required.`);
  }
}

/** Checks an int64 parameter and returns its wire text. */
export function writeInt64(action: string, name: string, value: unknown): string {
  const text = toInt64String(value);
  if (text !== undefined) return text;
  const why =
    typeof value === "number" && Number.isInteger(value)
      ? `${value} is beyond 2^53 and has already lost digits as a number; pass it as a string or bigint.`
      : `got ${describe(value)}.`;
  throw new DmsParameterError(
    action,
    name,
    `${name} must be an int64 (a bigint, a decimal string, or a safe integer number); ${why}`,
  );
}

/** Checks an int32 parameter and returns its wire text. */
export function writeInt32(action: string, name: string, value: unknown): string {
  if (typeof value === "number" && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX) {
    return String(value);
  }
  throw new DmsParameterError(action, name, `${name} must be an int32 integer number; got ${describe(value)}.`);
}

/** Checks a string parameter and returns its wire text. */
export function writeString(action: string, name: string, value: unknown): string {
  if (typeof value === "string") return value;
  throw new DmsParameterError(action, name, `${name} must be a string; got ${describe(value)}.`);
}

/** Checks a boolean parameter and returns its wire text. */
export function writeBoolean(action: string, name: string, value: unknown): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  throw new DmsParameterError(action, name, `${name} must be a boolean; got ${describe(value)}.`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return `the ${typeof value} ${String(value)}`;
  }
  return Array.isArray(value) ? "an array" : `a value of type ${typeof value}`;
}
