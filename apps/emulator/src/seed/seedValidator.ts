import { toInt64String } from "@dmsflow/client";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { invalidField, SEED_TIME_FORMS, SeedError } from "./seedReader.js";
import { type JsonSchema, seedSchema } from "./seedSchema.js";

let compiled: ValidateFunction | undefined;

/**
 * The seed schema compiled with ajv, once, on first use. Its int64 definition is replaced by a
 * keyword that also takes a bigint (a seed object from code may hold one) and refuses a number
 * beyond 2^53 (it has already lost digits); editors see the plain JSON version.
 */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: false, verbose: true, strict: true, strictTypes: false });
  ajv.addKeyword({ keyword: "enumDescriptions" });
  ajv.addKeyword({
    keyword: "int64",
    schemaType: "boolean",
    validate: (_: boolean, data: unknown) => toInt64String(data) !== undefined,
  });
  const schema = seedSchema();
  const definitions = { ...(schema.definitions as Record<string, JsonSchema>), int64: { title: "int64", int64: true } };
  compiled = ajv.compile({ ...schema, definitions });
  return compiled;
}

/** Checks a seed against the schema; throws a SeedError naming the first field at fault and what it needs. */
export function checkSeedSchema(input: unknown): void {
  const validate = validator();
  if (validate(input)) return;
  // An anyOf reports its branches first and itself last; an if/then adds an "if" error after the real one.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== "if");
  throw new SeedError(describe(errors[errors.length - 1]!));
}

/** `/tenants/0/Tid` as `tenants[0].Tid`; the root as `the seed`. */
function pathOf(pointer: string): string {
  if (pointer === "") return "the seed";
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), "");
}

function describe(error: ErrorObject): string {
  const path = pathOf(error.instancePath);
  const parent = error.parentSchema as JsonSchema;
  if (error.keyword === "additionalProperties") {
    const known = Object.keys((parent.properties as object) ?? {}).join(", ");
    return `Invalid seed: ${path} has an unknown field "${error.params.additionalProperty}"; known fields: ${known}.`;
  }
  if (error.keyword === "required") {
    const field = error.params.missingProperty as string;
    const schema = (parent.properties as Record<string, JsonSchema>)[field] ?? {};
    return `Invalid seed: ${path} needs the field "${field}", ${expected(schema)}.`;
  }
  return invalidField(path, expected(parent, error.data), error.data);
}

const INT64 = "an int64 (a decimal string or a safe integer)";

/** What a schema asks for, in words. */
function expected(schema: JsonSchema, value?: unknown): string {
  if (schema.$ref === "#/definitions/int64" || schema.title === "int64") {
    return typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value)
      ? `${INT64} (a number beyond 2^53 has lost digits: write it as a string)`
      : INT64;
  }
  if (schema.$ref === "#/definitions/time" || schema.title === "time") {
    return SEED_TIME_FORMS;
  }
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map((s) => expected(s, value)).join(" or ");
  if (Array.isArray(schema.enum)) {
    const meanings = (schema.enumDescriptions as string[] | undefined) ?? [];
    return `one of ${(schema.enum as unknown[]).map((v, i) => (meanings[i] ? `${v} (${meanings[i]})` : String(v))).join(", ")}`;
  }
  switch (schema.type) {
    case "string":
      return schema.minLength === 1 ? "a non-empty string" : "a string";
    case "boolean":
      return "true or false";
    case "array":
      return "an array";
    case "object":
      return "an object";
    case "null":
      return "null";
    case "number":
      return schema.exclusiveMinimum === 0 ? "a positive number" : "a number";
    case "integer":
      return `an integer from ${schema.minimum} to ${schema.maximum}`;
    default:
      return "a value of the documented format";
  }
}
