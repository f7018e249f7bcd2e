/** Values a flag offers, or a loader for them when they come from a module `--help` must not load. */
export type Choices = readonly string[] | (() => Promise<readonly string[]>);

/** One flag a command accepts: how it is typed, checked, completed and described. */
export interface OptionSpec {
  /** The long name without dashes, e.g. `dag-id`. */
  readonly name: string;
  /** A string flag takes a value (`--dag-id 11` or `--dag-id=11`); a boolean flag takes none. */
  readonly kind: "string" | "boolean";
  /** A one-letter alias, e.g. `h` for `-h`. */
  readonly short?: string;
  /** How the help text names the value, e.g. `<id>`. */
  readonly valueName?: string;
  /** One line for the help text; a function receives the loaded choices. */
  readonly help: string | ((choices: readonly string[]) => string);
  /** Values the shell completion offers; without `parse`, the only values accepted. */
  readonly choices?: Choices;
  /** The value when the flag is not given, checked and parsed like a given one. */
  readonly default?: string;
  /** The command cannot run without it. */
  readonly required?: boolean;
  /** It may be given more than once (`--instance-id 1 --instance-id 2`); its parsed value is then an array. */
  readonly repeatable?: boolean;
  /**
   * Checks the value and returns what the command reads (or a promise of it, when the check needs
   * a module loaded on demand); throws a UsageError naming the flag.
   */
  readonly parse?: (flag: string, text: string) => unknown;
  /**
   * Whether the next command-line token continues the value, joined with a space: the aliyun CLI's
   * `--output cols=Id,Status rows=Items[]` is one value in two tokens.
   */
  readonly continues?: (value: string, next: string | undefined) => boolean;
}

/** An option whose choices are loaded and whose help is text: what help and completion print. */
export interface ResolvedOption extends OptionSpec {
  readonly help: string;
  readonly choices?: readonly string[];
}

/** Loads an option's choices and renders its help line. */
export async function resolveOption(option: OptionSpec): Promise<ResolvedOption> {
  const choices = typeof option.choices === "function" ? await option.choices() : option.choices;
  const help = typeof option.help === "function" ? option.help(choices ?? []) : option.help;
  return { ...option, help, choices };
}

/** {@link resolveOption} for a list, in order. */
export function resolveOptions(options: readonly OptionSpec[]): Promise<ResolvedOption[]> {
  return Promise.all(options.map(resolveOption));
}
