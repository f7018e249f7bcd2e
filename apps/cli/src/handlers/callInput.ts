// `call --cli-input-json` and `--generate-cli-skeleton`: an operation's parameters as one JSON
// document, read from the command line or a file, and the empty document to start from.
import type { OperationDescriptor, Schema, WireType } from "@dmsflow/client";
import { parseJsonExact } from "@dmsflow/client";
import { inlineOrFile } from "../args/inlineOrFile.js";
import { UsageError } from "../args/usageError.js";

/**
 * Reads `--cli-input-json`: a JSON object of wire parameters, inline or `file://path`. Integers of
 * 16 or more digits are read exactly (as text); Json parameters may be given as JSON values.
 * Returns wire text by parameter name, as the `--Name value` flags give it.
 */
export async function readCliInputJson(operation: OperationDescriptor, given: string): Promise<Record<string, string>> {
  const text = await inlineOrFile("cli-input-json", given);
  let value: unknown;
  try {
    value = parseJsonExact(text);
  } catch (error) {
    throw new UsageError(`--cli-input-json is not valid JSON: ${(error as Error).message}.`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new UsageError(
      `--cli-input-json must be a JSON object of parameters, as 'dmsflow call ${operation.action} --generate-cli-skeleton' prints.`,
    );
  }
  const raw: Record<string, string> = {};
  for (const [name, item] of Object.entries(value)) {
    const parameter = operation.parameters.find((p) => p.name === name);
    if (parameter === undefined) {
      const names = operation.parameters.map((p) => p.name).join(", ") || "none";
      throw new UsageError(
        `--cli-input-json: ${operation.action} has no parameter ${JSON.stringify(name)}; its parameters: ${names}.`,
      );
    }
    if (item === null) continue;
    raw[name] = parameter.wireType === "Json" && typeof item !== "string" ? JSON.stringify(item) : String(item);
  }
  return raw;
}

const EMPTY: Readonly<Record<Exclude<WireType, "Json">, unknown>> = {
  // int64 as text, as every dmsflow output gives it: a JSON number would lose digits beyond 2^53.
  Long: "",
  Integer: 0,
  String: "",
  Boolean: false,
};

/** The `--cli-input-json` document of an operation with every parameter empty, Json ones shaped by their schema. */
export function cliSkeleton(operation: OperationDescriptor): Record<string, unknown> {
  return Object.fromEntries(
    operation.parameters.map((p) => [p.name, p.wireType === "Json" ? (p.schema ? emptyOf(p.schema) : {}) : EMPTY[p.wireType]]),
  );
}

function emptyOf(schema: Schema): unknown {
  if (schema === "int64" || schema === "string") return "";
  if (schema === "int32") return 0;
  if (schema === "boolean") return false;
  if ("list" in schema) return [emptyOf(schema.list)];
  return Object.fromEntries(Object.entries(schema.members).map(([name, member]) => [name, emptyOf(member)]));
}
