import type { OptionSpec } from "../args/optionSpec.js";

// Loaded when an ID is given, not by `dmsflow --help`, which loads every spec (each module costs start-up).
const parseId = async (flag: string, text: string) => (await import("../args/parseId.js")).parseId(flag, text);

/** `--dag-id <id>`: the task flow; every command that takes it needs it. */
export const DAG_ID: OptionSpec = {
  name: "dag-id",
  kind: "string",
  valueName: "<id>",
  help: "task flow ID (from 'dmsflow task-flows')",
  required: true,
  parse: parseId,
};
/** `--instance-id <id>`: one instance of the task flow. */
export const INSTANCE_ID: OptionSpec = {
  name: "instance-id",
  kind: "string",
  valueName: "<id>",
  help: "instance ID, the DagInstanceId (from 'dmsflow instances')",
  required: true,
  parse: parseId,
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
  parse: parseId,
};
