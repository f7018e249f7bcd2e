import type { DmsClient } from "@dmsflow/core";
import type { OptionSpec } from "../args/optionSpec.js";
import type { ParsedArgv } from "../args/parseArgv.js";
import type { CliIo } from "../cliIo.js";
import type { GlobalOptions, OutputFormat } from "../globalOptions.js";
import type { CommandResult } from "../output/commandResult.js";
import type { Output } from "../output/output.js";
import type { FlagValues } from "./flagValues.js";

/** One side of two exclusive flags, with the words the errors use for it. */
export interface ExclusiveAlternative {
  /** The flag's long name. */
  readonly flag: string;
  /** What choosing it means, e.g. `one instance`. */
  readonly means: string;
  /** What it is for, e.g. `to resume one instance`, for the error when neither is given. */
  readonly purpose: string;
}

/** A rule between flags, checked before the command runs. */
export type FlagRelation =
  /** The two flags cannot be given together; with `oneRequired`, one of them must be. */
  | {
      readonly kind: "exclusive";
      readonly flags: readonly [ExclusiveAlternative, ExclusiveAlternative];
      readonly oneRequired: boolean;
    }
  /** Each of `flags` applies only when `on` is given too. */
  | { readonly kind: "dependsOn"; readonly flags: readonly string[]; readonly on: string };

/** The positional arguments a command takes. */
export interface ArgsSpec {
  readonly min: number;
  readonly max: number;
  /** What the first one is, for the error when it is missing: `a shell name: bash or zsh`. */
  readonly name: string;
  /** What shell completion offers for the first one. */
  readonly completes?: "shells" | "commands" | "actions";
}

/** What a command gets when it runs. */
export interface CommandContext {
  /** The raw command line: positionals, and the `--Name value` pairs of `call`. */
  readonly args: ParsedArgv;
  /** The command's flags, checked and parsed as its spec declares. */
  readonly flags: FlagValues;
  /** The validated global flags. */
  readonly global: GlobalOptions;
  /** The streams and environment. */
  readonly io: CliIo;
  /** The palettes, and stderr for progress and notes while the command runs. */
  readonly out: Output;
  /** Every command's spec (for `help` and `completion`). */
  readonly commands: readonly CommandSpec[];
  /** The API client, created (and @dmsflow/core loaded) on first use. */
  client(): Promise<DmsClient>;
}

/** What a command does: loaded only when the command runs or needs help computed from its arguments. */
export interface CommandHandler {
  /** Runs the command; what it found is printed by one renderer in the chosen format. */
  run(ctx: CommandContext): Promise<CommandResult>;
  /** Help computed from the positional arguments (`call <Action> --help`); undefined for the static help. */
  readonly dynamicHelp?: (spec: CommandSpec, positionals: readonly string[]) => Promise<string | undefined>;
}

/**
 * Everything about a command that help, completion and parsing read, declared once (oclif's
 * command metadata). It imports nothing heavy: `--help` loads every spec, and `load` brings the
 * handler (and @dmsflow/client or core) only when the command runs.
 */
export interface CommandSpec {
  /** The name typed after `dmsflow`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The heading the top-level help lists it under. */
  readonly group: "Instance commands" | "Task flow commands" | "Finding IDs" | "Other commands";
  /** Usage lines, each starting with `dmsflow <name>`. */
  readonly usage: readonly string[];
  /** What the command does, in a few sentences. */
  readonly description: string;
  /** The command's own flags. */
  readonly flags: readonly OptionSpec[];
  /** Rules between its flags. */
  readonly relations?: readonly FlagRelation[];
  /** Its positional arguments (none unless said). */
  readonly args?: ArgsSpec;
  /** Accept `--Name value` flags that are not in `flags` (the API parameters of `call`). */
  readonly acceptExtra?: boolean;
  /** Examples: command lines, each optionally preceded by a `# comment` line. */
  readonly examples: readonly string[];
  /** Help for the global --timeout when the command uses it as its own deadline (wait), not as each call's limit. */
  readonly ownsTimeout?: string;
  /** Its handler computes help from the positional arguments (`call <Action> --help`). */
  readonly dynamicHelp?: boolean;
  /**
   * Whether --dry-run on this command line reads for real and only skips the calls that change
   * something (`resume --all-suspended` lists what it would resume), instead of stopping at the
   * first signed request.
   */
  readonly dryRunReads?: (args: ParsedArgv) => boolean;
  /** The format when --output is not given, if not the terminal's default (`call` prints JSON). */
  readonly defaultOutput?: OutputFormat;
  /** Imports what the command does. */
  load(): Promise<CommandHandler>;
}
