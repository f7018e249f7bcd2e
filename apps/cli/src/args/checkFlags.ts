import type { CommandSpec, FlagRelation } from "../commands/commandSpec.js";
import { FlagValues } from "../commands/flagValues.js";
import type { OptionSpec } from "./optionSpec.js";
import type { ParsedArgv } from "./parseArgv.js";
import { UsageError } from "./usageError.js";

/**
 * Checks a command line against what the command declares, in a fixed order: the positional
 * arguments; then each flag in the order the spec lists them, whether it is there when required
 * and its value by its parser (a default is parsed like a given value); then the relations between
 * flags. Returns the parsed values; the command itself checks only rules between values (such as
 * --since before --until).
 */
export async function checkFlags(spec: CommandSpec, parsed: ParsedArgv): Promise<FlagValues> {
  const help = `Run 'dmsflow ${spec.name} --help' for usage.`;
  checkPositionals(spec, parsed.positionals, help);
  const values = new Map<string, unknown>();
  for (const flag of spec.flags) {
    const raw = parsed.options.get(flag.name) ?? flag.default;
    if (raw === undefined) {
      if (flag.required) throw new UsageError(`--${flag.name} ${requiredValueName(flag)} is required. ${help}`);
      continue;
    }
    const all = flag.repeatable ? parsed.repeated.get(flag.name) : undefined;
    if (all !== undefined) values.set(flag.name, await Promise.all(all.map((text) => parseValue(flag, text))));
    else values.set(flag.name, raw === true ? true : await parseValue(flag, raw));
  }
  for (const relation of spec.relations ?? []) checkRelation(spec, relation, parsed.options, help);
  return new FlagValues(values);
}

/** A value checked by the flag's parser, or against its choices. */
async function parseValue(flag: OptionSpec, text: string): Promise<unknown> {
  if (flag.parse) return flag.parse(flag.name, text);
  const choices = typeof flag.choices === "function" ? await flag.choices() : flag.choices;
  if (choices !== undefined && !choices.includes(text)) {
    const list = choices.length === 2 ? `${choices[0]} or ${choices[1]}` : `one of ${choices.join(", ")}`;
    throw new UsageError(`--${flag.name} must be ${list}; got ${JSON.stringify(text)}.`);
  }
  return text;
}

function requiredValueName(flag: OptionSpec): string {
  return Array.isArray(flag.choices) ? flag.choices.join("|") : (flag.valueName ?? "<value>");
}

function checkPositionals(spec: CommandSpec, positionals: readonly string[], help: string): void {
  const allowed = spec.args ?? { min: 0, max: 0, name: "" };
  if (positionals.length > allowed.max) {
    throw new UsageError(`unexpected argument '${positionals[allowed.max]}' for 'dmsflow ${spec.name}'. ${help}`);
  }
  if (positionals.length < allowed.min) throw new UsageError(`'dmsflow ${spec.name}' needs ${allowed.name}. ${help}`);
}

function checkRelation(
  spec: CommandSpec,
  relation: FlagRelation,
  options: ReadonlyMap<string, string | true>,
  help: string,
): void {
  const label = (name: string) => {
    const flag = spec.flags.find((f) => f.name === name);
    return flag?.kind === "string" ? `--${name} ${flag.valueName ?? "<value>"}` : `--${name}`;
  };
  if (relation.kind === "dependsOn") {
    if (options.has(relation.on)) return;
    const given = relation.flags.find((name) => options.has(name));
    if (given !== undefined) throw new UsageError(`--${given} applies only with --${relation.on}.`);
    return;
  }
  const [a, b] = relation.flags;
  if (options.has(a.flag) && options.has(b.flag)) {
    throw new UsageError(`give either ${label(a.flag)} (${a.means}) or ${label(b.flag)} (${b.means}), not both.`);
  }
  if (relation.oneRequired && !options.has(a.flag) && !options.has(b.flag)) {
    throw new UsageError(`${label(a.flag)} is required ${a.purpose}; or give ${label(b.flag)} ${b.purpose}. ${help}`);
  }
}
