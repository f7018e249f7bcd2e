/** One flag a command accepts, with what its help text says about it. */
export interface OptionSpec {
  /** The long name without dashes, e.g. `dag-id`. */
  readonly name: string;
  /** A string flag takes a value (`--dag-id 11` or `--dag-id=11`); a boolean flag takes none. */
  readonly kind: "string" | "boolean";
  /** A one-letter alias, e.g. `h` for `-h`. */
  readonly short?: string;
  /** How the help text names the value, e.g. `<id>`. */
  readonly valueName?: string;
  /** One line for the help text. */
  readonly help: string;
  /** Values the shell completion offers. */
  readonly choices?: readonly string[];
}
