import type { OptionSpec } from "../args/optionSpec.js";
import type { CommandDefinition } from "../commands/command.js";
import { COMMANDS, type CommandEntry } from "../commands/registry.js";
import { GLOBAL_OPTIONS } from "../globalOptions.js";

const EXIT_CODES =
  "Exit codes: 0 success, 1 API or business failure, 2 usage error, 3 credentials or configuration,\n" +
  "4 network or timeout, 5 some items of a bulk command failed, 130 interrupted (Ctrl-C).";

const CREDENTIALS =
  "Credentials and region, as @dmsflow/core resolves them: ALIBABA_CLOUD_ACCESS_KEY_ID and\n" +
  "ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS), ALIBABA_CLOUD_REGION_ID,\n" +
  "or a profile of the aliyun CLI (~/.aliyun/config.json; pick one with --profile).";

/** The text of `dmsflow --help`: commands by group, global flags, credentials, exit codes. */
export function renderTopHelp(): string {
  const lines = [
    "dmsflow: resume, inspect and wait for Alibaba Cloud DMS task-flow instances.",
    "",
    "Usage:",
    "  dmsflow <command> [flags]",
    "  dmsflow call <Action> --<Parameter> <value> ...",
  ];
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const groups: CommandEntry["group"][] = ["Instance commands", "Finding IDs", "Other commands"];
  for (const group of groups) {
    lines.push("", `${group}:`);
    for (const c of COMMANDS.filter((entry) => entry.group === group)) lines.push(`  ${c.name.padEnd(width)}${c.summary}`);
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

/** The text of `dmsflow <command> --help`: usage, description, flags, global flags, examples. */
export function renderCommandHelp(entry: CommandEntry, definition: CommandDefinition): string {
  const timeoutHelp = definition.ownsTimeout;
  const globals = timeoutHelp
    ? GLOBAL_OPTIONS.map((o) => (o.name === "timeout" ? { ...o, help: timeoutHelp } : o))
    : GLOBAL_OPTIONS;
  const column = optionColumn([...definition.options, ...globals]);
  const lines = [`dmsflow ${entry.name}: ${entry.summary}.`, "", "Usage:", ...definition.usage.map((u) => `  ${u}`)];
  lines.push("", definition.description);
  if (definition.options.length > 0) lines.push("", "Flags:", ...formatOptions(definition.options, column));
  lines.push("", "Global flags:", ...formatOptions(globals, column));
  lines.push("", "Examples:", ...definition.examples.map((e) => `  ${e}`));
  return `${lines.join("\n")}\n`;
}

function optionLabel(o: OptionSpec): string {
  const long = `--${o.name}${o.kind === "string" ? ` ${o.valueName ?? "<value>"}` : ""}`;
  return o.short ? `-${o.short}, ${long}` : `    ${long}`;
}

function optionColumn(options: readonly OptionSpec[]): number {
  return Math.max(...options.map((o) => optionLabel(o).length)) + 2;
}

function formatOptions(options: readonly OptionSpec[], column: number): string[] {
  return options.map((o) => `  ${optionLabel(o).padEnd(column)}${o.help}`);
}
