import { toInt64String } from "@dmsflow/client";
import { INT64_PATTERN, type JsonSchema } from "../tools/jsonSchema.js";
import { DRY_RUN_PROPERTY, objectSchema } from "../tools/toolDefinition.js";
import { ToolError } from "../tools/toolError.js";

/** The schema of an int64 id argument. */
export function idProperty(description: string): JsonSchema {
  return { type: "string", pattern: INT64_PATTERN, description: `${description} An int64 as a decimal string.` };
}

/** The common id arguments of the run tools. */
export const RUN_PROPERTIES: Record<string, JsonSchema> = {
  DagId: idProperty("The task flow (from find_task_flow or ListTaskFlow)."),
  DagInstanceId: idProperty("The run (task-flow instance), from list_problem_runs or ListTaskFlowInstance."),
  Tid: idProperty("The tenant; defaults to the caller's active tenant."),
};

/** The arguments of an operator action on one run (resume, rerun): the run, a version, dryRun. */
export function runActionSchema(verb: string): JsonSchema {
  return objectSchema(
    {
      ...RUN_PROPERTIES,
      DagVersion: { type: "string", description: `The flow version to ${verb} with; defaults to the run's.` },
      dryRun: DRY_RUN_PROPERTY,
    },
    ["DagId", "DagInstanceId"],
  );
}

/** The API input of an operator action on one run, from arguments checked against {@link runActionSchema}. */
export function runActionInput(args: Readonly<Record<string, unknown>>): {
  DagId: string;
  DagInstanceId: string;
  Tid: string | undefined;
  DagVersion: string | undefined;
} {
  return {
    DagId: requiredId(args, "DagId"),
    DagInstanceId: requiredId(args, "DagInstanceId"),
    Tid: optionalId(args, "Tid"),
    DagVersion: typeof args.DagVersion === "string" ? args.DagVersion : undefined,
  };
}

/** A required int64 argument as canonical decimal text. */
export function requiredId(args: Readonly<Record<string, unknown>>, name: string): string {
  const id = optionalId(args, name);
  if (id === undefined) throw new ToolError("MissingParameter", `${name} is required: give it as a decimal string.`, name);
  return id;
}

/** An optional int64 argument as canonical decimal text. */
export function optionalId(args: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = args[name];
  if (value === undefined || value === null) return undefined;
  const id = typeof value === "string" || typeof value === "number" ? toInt64String(value) : undefined;
  if (id === undefined) {
    throw new ToolError("InvalidParameter", `${name} must be an int64 as a decimal string (got ${JSON.stringify(value)}).`, name);
  }
  return id;
}

/** A bounded whole number argument, or its default. */
export function boundedInteger(
  args: Readonly<Record<string, unknown>>,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = args[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new ToolError(
      "InvalidParameter",
      `${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)}).`,
      name,
    );
  }
  return value;
}

/** Refuses arguments the tool does not take, naming the ones it does. */
export function onlyKnown(tool: string, args: Readonly<Record<string, unknown>>, schema: JsonSchema): void {
  const known = Object.keys((schema.properties as Record<string, unknown>) ?? {});
  for (const name of Object.keys(args)) {
    if (!known.includes(name))
      throw new ToolError("UnknownParameter", `${tool} has no argument ${name}. Its arguments: ${known.join(", ")}.`, name);
  }
}
