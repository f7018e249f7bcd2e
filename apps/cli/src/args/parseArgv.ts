import type { OptionSpec } from "./optionSpec.js";
import { suggest } from "./suggest.js";
import { UsageError } from "./usageError.js";

/** The flags and positional arguments of one command line. */
export interface ParsedArgv {
  /** Known flags by long name: the value of a string flag, `true` for a boolean flag. */
  readonly options: ReadonlyMap<string, string | true>;
  /** Every value of each repeatable flag given, in order (`options` holds the last). */
  readonly repeated: ReadonlyMap<string, readonly string[]>;
  /** Arguments that are not flags, in order. */
  readonly positionals: readonly string[];
  /** `--Name value` pairs for flags not in the specs, when the caller accepts them (`call`). */
  readonly extra: ReadonlyArray<readonly [name: string, value: string]>;
}

/** How {@link parseArgv} treats what the specs do not name. */
export interface ParseArgvOptions {
  /** The command, as error messages name it: `dmsflow resume`. */
  readonly commandLine: string;
  /** Accept unknown `--Name value` flags into `extra` instead of failing. */
  readonly acceptExtra?: boolean;
}

/**
 * Parses command-line tokens against the flags a command accepts. Hand-written rather than
 * node:util parseArgs so that every mistake gets one line naming the flag and the likely fix.
 */
export function parseArgv(tokens: readonly string[], specs: readonly OptionSpec[], how: ParseArgvOptions): ParsedArgv {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const options = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  const positionals: string[] = [];
  const extra: [string, string][] = [];
  const help = `Run '${how.commandLine} --help' for usage.`;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === "--") {
      positionals.push(...tokens.slice(i + 1));
      break;
    }
    if (!token.startsWith("-") || token === "-" || /^-\d/.test(token)) {
      positionals.push(token);
      continue;
    }
    const isLong = token.startsWith("--");
    const eq = token.indexOf("=");
    const name = isLong ? token.slice(2, eq === -1 ? undefined : eq) : token.slice(1, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : token.slice(eq + 1);
    const spec = isLong ? byName.get(name) : byShort.get(name);
    const shown = isLong ? `--${name}` : `-${name}`;

    if (spec === undefined) {
      if (isLong && how.acceptExtra && name !== "") {
        const value = inline ?? takeValue(tokens, i, shown, help);
        if (inline === undefined) i++;
        extra.push([name, value]);
        continue;
      }
      const close = isLong
        ? suggest(
            name,
            specs.map((s) => s.name),
          )
        : undefined;
      const hint = close ? ` Did you mean --${close}?` : "";
      throw new UsageError(`unknown option ${shown} for '${how.commandLine}'.${hint} ${help}`);
    }
    if (options.has(spec.name) && !spec.repeatable) {
      throw new UsageError(`--${spec.name} is given more than once; give it once. ${help}`);
    }
    if (spec.kind === "boolean") {
      if (inline !== undefined) throw new UsageError(`--${spec.name} takes no value; write just --${spec.name}.`);
      options.set(spec.name, true);
      continue;
    }
    let value = inline ?? takeValue(tokens, i, `--${spec.name}`, help, spec.valueName);
    if (inline === undefined) i++;
    while (spec.continues?.(value, tokens[i + 1])) value += ` ${tokens[++i]}`;
    options.set(spec.name, value);
    if (spec.repeatable) repeated.set(spec.name, [...(repeated.get(spec.name) ?? []), value]);
  }
  return { options, repeated, positionals, extra };
}

function takeValue(tokens: readonly string[], i: number, shown: string, help: string, valueName = "<value>"): string {
  const next = tokens[i + 1];
  // "--dag-id --tid 3" is a forgotten value, not the ID "--tid"; "-5" is a (bad) value the validator names.
  if (next === undefined || (next.startsWith("--") && next.length > 2)) {
    throw new UsageError(`${shown} needs a value: ${shown} ${valueName}. ${help}`);
  }
  return next;
}
