import { suggest } from "../args/suggest.js";
import { UsageError } from "../args/usageError.js";
import type { CommandSpec } from "./commandSpec.js";

/** The spec of a command by name; a UsageError suggesting the closest name when there is none. */
export function findCommand(commands: readonly CommandSpec[], name: string): CommandSpec {
  const spec = commands.find((c) => c.name === name);
  if (spec) return spec;
  const close = suggest(
    name,
    commands.map((c) => c.name),
  );
  throw new UsageError(
    `unknown command '${name}'.${close ? ` Did you mean '${close}'?` : ""} Run 'dmsflow --help' for the list.`,
  );
}
