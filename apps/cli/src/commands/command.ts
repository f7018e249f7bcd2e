import type { DmsClient } from "@dmsflow/core";
import type { OptionSpec } from "../args/optionSpec.js";
import type { ParsedArgv } from "../args/parseArgv.js";
import type { CliIo } from "../cliIo.js";
import type { GlobalOptions } from "../globalOptions.js";
import type { Output } from "../output/output.js";

/** What a command gets when it runs. */
export interface CommandContext {
  /** The command's name, e.g. `resume`. */
  readonly name: string;
  /** Its flags (global ones included) and positional arguments. */
  readonly args: ParsedArgv;
  /** The validated global flags. */
  readonly global: GlobalOptions;
  /** The streams and environment. */
  readonly io: CliIo;
  /** Where results go, in the chosen format. */
  readonly out: Output;
  /** The API client, created (and @dmsflow/core loaded) on first use. */
  client(): Promise<DmsClient>;
}

/** A command: its help text and what it does. Heavy modules are imported inside `run` only. */
export interface CommandDefinition {
  /** Usage lines, each starting with `dmsflow <name>`. */
  readonly usage: readonly string[];
  /** What the command does, in a few sentences. */
  readonly description: string;
  /** The command's own flags. */
  readonly options: readonly OptionSpec[];
  /** How many positional arguments it takes (none unless said). */
  readonly positionals?: { readonly min: number; readonly max: number; readonly name: string };
  /** Accept `--Name value` flags that are not in `options` (the API parameters of `call`). */
  readonly acceptExtra?: boolean;
  /** Examples: command lines, each optionally preceded by a `# comment` line. */
  readonly examples: readonly string[];
  /** Help for the global --timeout when the command uses it as its own deadline (wait), not as each call's limit. */
  readonly ownsTimeout?: string;
  /** Help text computed from the positional arguments (`call <Action> --help`); undefined for the static help. */
  readonly dynamicHelp?: (positionals: readonly string[]) => Promise<string | undefined>;
  /** Runs the command and returns its exit code. */
  run(ctx: CommandContext): Promise<number>;
}
