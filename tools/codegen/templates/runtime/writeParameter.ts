import { toInt64String } from "./int64.js";
import type { OperationDescriptor, ParameterDescriptor, WireParameters, WireType } from "./operation.js";
import { DmsParameterError } from "./parameterError.js";
import { breaksRules } from "./valueRules.js";

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * Checks an input against the operation's descriptor and turns it into wire parameters: it must be a
 * plain object of known parameters (a typo in an optional one would otherwise be silently dropped),
 * every required one present, each of its wire type and within its value rules. A Json parameter
 * arrives as JSON text already (writeJsonParameters). Throws DmsParameterError naming the parameter.
 */
export function writeParameters(operation: OperationDescriptor, input: unknown): WireParameters {
  const { action, parameters } = operation;
  checkInputKeys(action, input, parameters);
  const values = input as Record<string, unknown>;
  for (const p of parameters) {
    if (p.required && values[p.name] == null) throw new DmsParameterError(action, p.name, `${p.name} is required.`);
  }
  const params: WireParameters = {};
  for (const p of parameters) {
    const value = values[p.name];
    if (value == null) continue;
    const text = WRITERS[p.wireType](action, p.name, value);
    const broken = breaksRules(p, p.wireType === "Integer" || p.wireType === "Boolean" ? (value as number | boolean) : text);
    if (broken !== undefined) throw new DmsParameterError(action, p.name, `${p.name} ${broken}; got ${describe(value)}.`);
    params[p.name] = text;
  }
  return params;
}

function checkInputKeys(action: string, input: unknown, parameters: readonly ParameterDescriptor[]): void {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new DmsParameterError(action, "", `the input must be an object of parameters, got ${describe(input)}.`);
  }
  for (const key in input) {
    if (parameters.some((p) => p.name === key)) continue;
    const hint = parameters.find((p) => p.name.toLowerCase() === key.toLowerCase());
    const advice = hint ? `did you mean ${hint.name}?` : `known parameters: ${parameters.map((p) => p.name).join(", ")}.`;
    throw new DmsParameterError(action, key, `unknown parameter ${key}; ${advice}`);
  }
}

/** Checks an int64 parameter and returns its wire text. */
function writeInt64(action: string, name: string, value: unknown): string {
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
function writeInt32(action: string, name: string, value: unknown): string {
  if (typeof value === "number" && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX) {
    return String(value);
  }
  throw new DmsParameterError(action, name, `${name} must be an int32 integer number; got ${describe(value)}.`);
}

/** Checks a string parameter and returns its wire text. */
function writeString(action: string, name: string, value: unknown): string {
  if (typeof value === "string") return value;
  throw new DmsParameterError(action, name, `${name} must be a string; got ${describe(value)}.`);
}

/** Checks a boolean parameter and returns its wire text. */
function writeBoolean(action: string, name: string, value: unknown): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  throw new DmsParameterError(action, name, `${name} must be a boolean; got ${describe(value)}.`);
}

const WRITERS: Record<WireType, (action: string, name: string, value: unknown) => string> = {
  Long: writeInt64,
  Integer: writeInt32,
  String: writeString,
  Boolean: writeBoolean,
  // Written to JSON text by writeJsonParameters before this runs.
  Json: writeString,
};

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return `the ${typeof value} ${String(value)}`;
  }
  return Array.isArray(value) ? "an array" : `a value of type ${typeof value}`;
}
