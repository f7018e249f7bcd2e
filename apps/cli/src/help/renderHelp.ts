import { type OptionSpec, type ResolvedOption, resolveOptions } from "../args/optionSpec.js";
import type { CommandSpec } from "../commands/commandSpec.js";
import { GLOBAL_OPTIONS } from "../globalOptions.js";

const EXIT_CODES =
  "Exit codes: 0 success, 1 API or business failure, 2 usage error, 3 credentials or configuration,\n" +
  "4 network or timeout, 5 some items of a bulk command failed, 130 interrupted (Ctrl-C).";

const CREDENTIALS =
  "Credentials and region, as @dmsflow/core resolves them: ALIBABA_CLOUD_ACCESS_KEY_ID and\n" +
  "ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS), ALIBABA_CLOUD_REGION_ID,\n" +
  "or a profile of the aliyun CLI (~/.aliyun/config.json; pick one with --profile).";

/** The text of `dmsflow --help`: commands by group, global flags, credentials, exit codes. */
export function renderTopHelp(commands: readonly CommandSpec[]): string {
  const lines = [
    "dmsflow: resume, inspect and wait for Alibaba Cloud DMS task-flow instances.",
    "",
    "Usage:",
    "  dmsflow <command> [flags]",
    "  dmsflow call <Action> --<Parameter> <value> ...",
  ];
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const groups: CommandSpec["group"][] = ["Instance commands", "Task flow commands", "Finding IDs", "Other commands"];
  for (const group of groups) {
    lines.push("", `${group}:`);
    for (const c of commands.filter((spec) => spec.group === group)) lines.push(`  ${c.name.padEnd(width)}${c.summary}`);
  }
  lines.push(
    "",
    "Global flags:",
    ...formatOptions(GLOBAL_OPTIONS, optionColumn(GLOBAL_OPTIONS)),
    "",
    CREDENTIALS,
    "",
    EXIT_CODES,
    "",
    "Examples:",
    "  dmsflow task-flows",
    "  dmsflow instances --dag-id 11 --status suspended",
    "  dmsflow resume --dag-id 11 --instance-id 3",
    "  dmsflow resume --dag-id 11 --all-suspended --concurrency 8",
    "",
    "Run 'dmsflow <command> --help' for a command's flags and examples.",
  );
  return `${lines.join("\n")}\n`;
}

/**
 * The help of one command: computed by its handler from the positional arguments when the spec
 * says so (`call <Action>`), otherwise {@link renderCommandHelp}, which loads no handler.
 */
export async function commandHelp(spec: CommandSpec, positionals: readonly string[]): Promise<string> {
  const dynamic = spec.dynamicHelp ? await (await spec.load()).dynamicHelp?.(spec, positionals) : undefined;
  return dynamic ?? renderCommandHelp(spec);
}

/** The text of `dmsflow <command> --help`: usage, description, flags, global flags, examples. */
export async function renderCommandHelp(spec: CommandSpec): Promise<string> {
  const timeoutHelp = spec.ownsTimeout;
  const globals = await resolveOptions(
    timeoutHelp ? GLOBAL_OPTIONS.map((o) => (o.name === "timeout" ? { ...o, help: timeoutHelp } : o)) : GLOBAL_OPTIONS,
  );
  const flags = await resolveOptions(spec.flags);
  const column = optionColumn([...flags, ...globals]);
  const lines = [`dmsflow ${spec.name}: ${spec.summary}.`, "", "Usage:", ...spec.usage.map((u) => `  ${u}`)];
  lines.push("", spec.description);
  if (flags.length > 0) lines.push("", "Flags:", ...formatOptions(flags, column));
  lines.push("", "Global flags:", ...formatOptions(globals, column));
  lines.push("", "Examples:", ...spec.examples.map((e) => `  ${e}`));
  return `${lines.join("\n")}\n`;
}

function optionLabel(o: OptionSpec): string {
  const long = `--${o.name}${o.kind === "string" ? ` ${o.valueName ?? "<value>"}` : ""}`;
  return o.short ? `-${o.short}, ${long}` : `    ${long}`;
}

function optionColumn(options: readonly OptionSpec[]): number {
  return Math.max(...options.map((o) => optionLabel(o).length)) + 2;
}

function formatOptions(options: readonly ResolvedOption[], column: number): string[] {
  return options.map((o) => `  ${optionLabel(o).padEnd(column)}${o.help}`);
}
