import { toInt64String } from "./int64.js";
import type { OperationDescriptor, ParameterDescriptor } from "./operation.js";
import { parseJsonExact } from "./parseJsonExact.js";
import { readValue } from "./readValue.js";
import { DmsResponseFormatError } from "./responseError.js";
import { breaksRules } from "./valueRules.js";

/**
 * A decoded parameter value: int64 as canonical decimal text, int32 as number; a Json parameter as
 * its document, read by its schema (int64 values inside as decimal text).
 */
export type DecodedValue = string | number | boolean | object;

/** The result of decoding wire parameters: the values, or the first problem in the API's terms. */
export type DecodeResult =
  | { readonly ok: true; readonly values: Record<string, DecodedValue> }
  | {
      readonly ok: false;
      readonly code: "MissingParameter" | "InvalidParameter";
      readonly parameter: string;
      readonly reason: string;
    };

const INT32 = /^-?\d{1,10}$/;

/**
 * Decodes text parameters (from a query string, a form body or a command line) by the operation's
 * descriptor, the way the API gateway checks them: type, then the spec's value rules. Parameters the
 * operation does not declare are ignored.
 */
export function decodeParameters(operation: OperationDescriptor, raw: Readonly<Record<string, string>>): DecodeResult {
  const values: Record<string, DecodedValue> = {};
  for (const p of operation.parameters) {
    const text = Object.hasOwn(raw, p.name) ? raw[p.name] : undefined;
    if (text === undefined || text === "") {
      if (p.required) return { ok: false, code: "MissingParameter", parameter: p.name, reason: "is required" };
      continue;
    }
    if (p.wireType === "Json") {
      const document = decodeJson(p, text);
      if (typeof document === "string") return { ok: false, code: "InvalidParameter", parameter: p.name, reason: document };
      values[p.name] = document;
      continue;
    }
    const value = decodeValue(p, text);
    if (value === undefined) {
      return { ok: false, code: "InvalidParameter", parameter: p.name, reason: `must be ${expected(p)}` };
    }
    const broken = breaksRules(p, value);
    if (broken !== undefined) return { ok: false, code: "InvalidParameter", parameter: p.name, reason: broken };
    values[p.name] = value;
  }
  return { ok: true, values };
}

/** A Json parameter's document read by its schema (int64 values as decimal text), or why it does not fit. */
function decodeJson(p: ParameterDescriptor, text: string): object | string {
  let parsed: unknown;
  try {
    parsed = parseJsonExact(text);
  } catch {
    return "must be a JSON document (it does not parse)";
  }
  try {
    return readValue(p.schema!, parsed) as object;
  } catch (error) {
    const path = error instanceof DmsResponseFormatError ? error.path : "";
    const problem = error instanceof Error ? error.message.slice(error.message.lastIndexOf(path) + path.length).trim() : "";
    return `must be a JSON document of the documented shape: ${p.name}${path.startsWith("[") || path === "" ? "" : "."}${path} ${problem}`;
  }
}

function decodeValue(p: ParameterDescriptor, text: string): string | number | boolean | undefined {
  switch (p.wireType) {
    case "Long":
      return toInt64String(text);
    case "Integer": {
      if (!INT32.test(text)) return undefined;
      const n = Number(text);
      return n >= -(2 ** 31) && n <= 2 ** 31 - 1 ? n : undefined;
    }
    case "Boolean":
      return text === "true" ? true : text === "false" ? false : undefined;
    case "String":
    case "Json":
      return text;
  }
}

function expected(p: ParameterDescriptor): string {
  switch (p.wireType) {
    case "Long":
      return "an int64 integer";
    case "Integer":
      return "an int32 integer";
    case "Boolean":
      return "true or false";
    case "String":
      return "a string";
    case "Json":
      return "a JSON document of the documented shape";
  }
}
