import type { DmsClient } from "@dmsflow/core";
import { parseArgv } from "./args/parseArgv.js";
import { UsageError } from "./args/usageError.js";
import { DryRun } from "./client/dryRun.js";
import type { CliIo } from "./cliIo.js";
import type { CommandContext, CommandDefinition } from "./commands/command.js";
import { type CommandEntry, requireCommand } from "./commands/registry.js";
import { ExitCode } from "./exitCodes.js";
import { GLOBAL_OPTIONS, readGlobalOptions } from "./globalOptions.js";
import { renderCommandHelp, renderTopHelp } from "./help/renderHelp.js";
import { colorEnabled, createPalette } from "./output/color.js";
import { Output } from "./output/output.js";

/**
 * Runs one `dmsflow` command line and returns its exit code. Never throws: every error becomes one
 * line on stderr and the documented exit code.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    // Loaded on failure only: they read core's errors, and --help must not load core.
    const [{ formatError }, { exitCodeFor }] = await Promise.all([import("./formatError.js"), import("./errorExitCode.js")]);
    const errPalette = createPalette(colorEnabled(io.stderr, io.env, argv.includes("--no-color")));
    io.stderr.write(formatError(error, errPalette, argv.includes("--debug"), io.env));
    return exitCodeFor(error);
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const at = locateCommand(argv);
  if (at === -1) {
    const global = readGlobalOptions(parseArgv(argv, GLOBAL_OPTIONS, { commandLine: "dmsflow" }).options, io);
    if (global.version) return printVersion(io);
    if (global.help) {
      io.stdout.write(renderTopHelp());
      return ExitCode.Success;
    }
    io.stderr.write(renderTopHelp());
    return ExitCode.Usage;
  }
  const entry = requireCommand(argv[at]!);
  const definition = await entry.load();
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  const commandLine = `dmsflow ${entry.name}`;
  const args = parseArgv(rest, [...GLOBAL_OPTIONS, ...definition.options], {
    commandLine,
    acceptExtra: definition.acceptExtra,
  });
  const global = readGlobalOptions(args.options, io);
  if (global.version) return printVersion(io);
  const out = new Output(
    io,
    global.output,
    createPalette(colorEnabled(io.stdout, io.env, global.noColor)),
    createPalette(colorEnabled(io.stderr, io.env, global.noColor)),
  );
  if (global.help) {
    const dynamic = await definition.dynamicHelp?.(args.positionals);
    io.stdout.write(dynamic ?? renderCommandHelp(entry, definition));
    return ExitCode.Success;
  }
  checkPositionals(entry, definition, args.positionals);
  let client: Promise<DmsClient> | undefined;
  // A command that owns --timeout (wait) uses it as its own deadline, not as each call's limit.
  const clientOptions = definition.ownsTimeout ? { ...global, timeoutMs: undefined } : global;
  const dryRun = global.dryRun ? new DryRun() : undefined;
  const ctx: CommandContext = {
    name: entry.name,
    args,
    global,
    io,
    out,
    client: () => {
      client ??= import("./client/createClient.js").then((m) => m.createClient(clientOptions, io, dryRun));
      return client;
    },
  };
  try {
    if (!dryRun) return await definition.run(ctx);
    // A dry run ends at its first signed request: that call never settles, so the command stops there.
    const outcome = await Promise.race([definition.run(ctx), dryRun.stopped]);
    if (typeof outcome === "number") return outcome;
    const { printDryRun } = await import("./client/printDryRun.js");
    printDryRun(outcome, out);
    return ExitCode.Success;
  } finally {
    // Kept-alive sockets would hold the process open for a few seconds after the last call.
    if (client)
      await client.then(
        (c) => c.destroy(),
        () => {},
      );
  }
}

/**
 * Finds the command name: the first argument that is neither a flag nor the value of a global flag.
 * Command flags must come after it, so an unknown flag before it is a mistake worth naming.
 */
function locateCommand(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") return -1;
    if (!token.startsWith("-") || token === "-") return i;
    const long = token.startsWith("--");
    const name = token.slice(long ? 2 : 1).split("=")[0]!;
    const spec = GLOBAL_OPTIONS.find((o) => (long ? o.name === name : o.short === name));
    if (spec === undefined) {
      throw new UsageError(
        `unknown option ${token.split("=")[0]} before the command; command flags go after the command name, as in 'dmsflow resume --dag-id 11'.`,
      );
    }
    if (spec.kind === "string" && !token.includes("=")) i++;
  }
  return -1;
}

function checkPositionals(entry: CommandEntry, definition: CommandDefinition, positionals: readonly string[]): void {
  const allowed = definition.positionals ?? { min: 0, max: 0, name: "" };
  const help = `Run 'dmsflow ${entry.name} --help' for usage.`;
  if (positionals.length > allowed.max) {
    const extra = positionals[allowed.max]!;
    throw new UsageError(`unexpected argument '${extra}' for 'dmsflow ${entry.name}'. ${help}`);
  }
  if (positionals.length < allowed.min) {
    throw new UsageError(`'dmsflow ${entry.name}' needs ${allowed.name}. ${help}`);
  }
}

function printVersion(io: CliIo): number {
  io.stdout.write(`dmsflow ${io.version}\n`);
  return ExitCode.Success;
}
