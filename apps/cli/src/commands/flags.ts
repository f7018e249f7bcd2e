import type { OptionSpec } from "../args/optionSpec.js";
import type { ParsedArgv } from "../args/parseArgv.js";
import { parseId } from "../args/parseId.js";
import { UsageError } from "../args/usageError.js";

/** `--dag-id <id>`: the task flow. */
export const DAG_ID: OptionSpec = {
  name: "dag-id",
  kind: "string",
  valueName: "<id>",
  help: "task flow ID (from 'dmsflow task-flows')",
};
/** `--instance-id <id>`: one instance of the task flow. */
export const INSTANCE_ID: OptionSpec = {
  name: "instance-id",
  kind: "string",
  valueName: "<id>",
  help: "instance ID, the DagInstanceId (from 'dmsflow instances')",
};
/** `--dag-version <v>`: the version to act on. */
export const DAG_VERSION: OptionSpec = {
  name: "dag-version",
  kind: "string",
  valueName: "<v>",
  help: "task flow version (from 'dmsflow versions'); optional",
};
/** `--tid <tid>`: the tenant. */
export const TID: OptionSpec = {
  name: "tid",
  kind: "string",
  valueName: "<tid>",
  help: "tenant ID (from 'dmsflow tenants'); default: your active tenant",
};

/** The value of a string flag, if given. */
export function flag(args: ParsedArgv, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Whether a boolean flag is given. */
export function has(args: ParsedArgv, name: string): boolean {
  return args.options.has(name);
}

/** The value of a flag the command cannot do without; names the command's help when missing. */
export function requiredFlag(args: ParsedArgv, spec: OptionSpec, command: string): string {
  const value = flag(args, spec.name);
  if (value === undefined) {
    throw new UsageError(`--${spec.name} ${spec.valueName ?? "<value>"} is required. Run 'dmsflow ${command} --help' for usage.`);
  }
  return value;
}

/** `--dag-id`, required and checked as a positive int64. */
export function dagIdOf(args: ParsedArgv, command: string): string {
  return parseId("dag-id", requiredFlag(args, DAG_ID, command));
}

/** `--tid`, optional, checked as a positive int64. */
export function tidOf(args: ParsedArgv): string | undefined {
  const value = flag(args, "tid");
  return value === undefined ? undefined : parseId("tid", value);
}
