import type { OptionSpec } from "../args/optionSpec.js";
import type { FlagRelation } from "./commandSpec.js";

// Loaded when an ID is given, not by `dmsflow --help`, which loads every spec (each module costs start-up).
const parseId = async (flag: string, text: string) => (await import("../args/parseId.js")).parseId(flag, text);

/** `--dag-id <id>`: the task flow; this or `--dag-name` (see {@link DAG_CHOICE}). */
export const DAG_ID: OptionSpec = {
  name: "dag-id",
  kind: "string",
  valueName: "<id>",
  help: "task flow ID (from 'dmsflow task-flows' or 'dmsflow flows')",
  parse: parseId,
};
/** `--dag-name <name>`: the task flow by its exact name, looked up (one call) before the command runs. */
export const DAG_NAME: OptionSpec = {
  name: "dag-name",
  kind: "string",
  valueName: "<name>",
  help: "task flow name, exactly; instead of --dag-id (one more API call to look it up)",
};
/** The flags that name the task flow, for a command's `flags`. */
export const DAG_FLAGS: readonly OptionSpec[] = [DAG_ID, DAG_NAME];
/** Exactly one of --dag-id and --dag-name, for the `relations` of every command with {@link DAG_FLAGS}. */
export const DAG_CHOICE: FlagRelation = {
  kind: "exclusive",
  flags: [
    { flag: "dag-id", means: "by ID", purpose: "to name the task flow" },
    { flag: "dag-name", means: "by name", purpose: "to name it by its name" },
  ],
  oneRequired: true,
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
