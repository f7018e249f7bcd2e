import { type DecodedValue, decodeParameters, type OperationDescriptor } from "@dmsflow/client";
import { enumNames } from "./jsonSchema.js";
import { ToolError } from "./toolError.js";

/**
 * Turns a tool's JSON arguments into the operation's checked input: each value to the wire text the
 * API takes (an enumeration name to its value, a Json document to its text), then through the
 * client's decodeParameters, which holds it to the spec's types and value rules as the gateway does.
 * `reserved` names tool options that are not parameters (dryRun).
 */
export function operationInput(
  operation: OperationDescriptor,
  args: Readonly<Record<string, unknown>>,
  reserved: readonly string[] = [],
): Record<string, DecodedValue> {
  const known = new Set(operation.parameters.map((p) => p.name));
  for (const name of Object.keys(args)) {
    if (!known.has(name) && !reserved.includes(name)) {
      const list = known.size > 0 ? `Its parameters: ${[...known].join(", ")}.` : "It takes no parameters.";
      throw new ToolError("UnknownParameter", `${operation.action} has no parameter ${name}. ${list}`, name);
    }
  }
  const raw: Record<string, string> = {};
  for (const p of operation.parameters) {
    const value = args[p.name];
    if (value === undefined || value === null) continue;
    const names = enumNames(p);
    if (names !== undefined && typeof value === "string" && Object.hasOwn(names, value)) raw[p.name] = String(names[value]);
    else if (p.wireType === "Json") raw[p.name] = typeof value === "string" ? value : JSON.stringify(value);
    else if (typeof value === "object") {
      throw new ToolError(
        "InvalidParameter",
        `${p.name} must be a single value, not ${Array.isArray(value) ? "an array" : "an object"}.`,
        p.name,
      );
    } else raw[p.name] = String(value);
  }
  const decoded = decodeParameters(operation, raw);
  if (!decoded.ok) {
    const got = raw[decoded.parameter] === undefined ? "" : ` (got ${JSON.stringify(args[decoded.parameter])})`;
    throw new ToolError(decoded.code, `${decoded.parameter} ${decoded.reason}${got}.`, decoded.parameter);
  }
  return decoded.values;
}
