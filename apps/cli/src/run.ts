import type { DmsClient } from "@dmsflow/core";
import { parseArgv } from "./args/parseArgv.js";
import { UsageError } from "./args/usageError.js";
import { DryRun } from "./client/dryRun.js";
import type { CliIo } from "./cliIo.js";
import type { CommandContext, CommandSpec } from "./commands/commandSpec.js";
import { ExitCode } from "./exitCodes.js";
import { GLOBAL_OPTIONS, readGlobalOptions } from "./globalOptions.js";
import { colorEnabled, createPalette } from "./output/color.js";

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
    const [commands, { renderTopHelp }] = await Promise.all([loadCommands(), import("./help/renderHelp.js")]);
    (global.help ? io.stdout : io.stderr).write(renderTopHelp(commands));
    return global.help ? ExitCode.Success : ExitCode.Usage;
  }
  const [commands, { findCommand }] = await Promise.all([loadCommands(), import("./commands/findCommand.js")]);
  const spec = findCommand(commands, argv[at]!);
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  const args = parseArgv(rest, [...GLOBAL_OPTIONS, ...spec.flags], {
    commandLine: `dmsflow ${spec.name}`,
    acceptExtra: spec.acceptExtra,
  });
  const global = readGlobalOptions(args.options, io);
  if (global.version) return printVersion(io);
  if (global.help) {
    const { commandHelp } = await import("./help/renderHelp.js");
    io.stdout.write(await commandHelp(spec, args.positionals));
    return ExitCode.Success;
  }
  // Loaded only when a command runs: --help and --version load as few modules as they can.
  const [{ checkFlags }, { Output }, { renderResult }] = await Promise.all([
    import("./args/checkFlags.js"),
    import("./output/output.js"),
    import("./output/renderResult.js"),
  ]);
  const out = new Output(
    io,
    global.output,
    createPalette(colorEnabled(io.stdout, io.env, global.noColor)),
    createPalette(colorEnabled(io.stderr, io.env, global.noColor)),
  );
  const checked = await checkFlags(spec, args);
  // A bad --query is a usage error before any call; the JMESPath library loads only when one is given.
  const reshape =
    global.query !== undefined || global.columns !== undefined
      ? await (await import("./output/reshape.js")).prepareReshape(global)
      : undefined;
  const handler = await spec.load();
  let client: Promise<DmsClient> | undefined;
  let lookupClient: Promise<DmsClient> | undefined;
  // A command that owns --timeout (wait) uses it as its own deadline, not as each call's limit.
  const clientOptions = spec.ownsTimeout ? { ...global, timeoutMs: undefined } : global;
  const dryRun = global.dryRun && !spec.dryRunReads?.(args) ? new DryRun() : undefined;
  const createClient = (withDryRun: DryRun | undefined) =>
    import("./client/createClient.js").then((m) => m.createClient(clientOptions, io, withDryRun));
  const commandClient = () => {
    client ??= createClient(dryRun);
    return client;
  };
  try {
    // A dry run still looks the name up (a read), so that it shows the command's own first request.
    const lookup = () => {
      if (!dryRun) return commandClient();
      lookupClient ??= createClient(undefined);
      return lookupClient;
    };
    const flags = checked.has("dag-name")
      ? await (await import("./client/resolveDagName.js")).resolveDagName(checked, lookup, io)
      : checked;
    const ctx: CommandContext = { args, flags, global, io, out, commands, client: commandClient };
    const format = global.outputGiven ? global.output : (spec.defaultOutput ?? global.output);
    // Rendering is part of the work: a listing reads its pages while it prints them.
    const work = (async () => renderResult(await handler.run(ctx), out, format, reshape))();
    if (!dryRun) return await work;
    // A dry run ends at its first signed request: that call never settles, so the command stops there.
    const outcome = await Promise.race([work.then((code) => ({ code })), dryRun.stopped.then((stopped) => ({ stopped }))]);
    if ("code" in outcome) return outcome.code;
    const { printDryRun } = await import("./client/printDryRun.js");
    printDryRun(outcome.stopped, out);
    return ExitCode.Success;
  } finally {
    // Kept-alive sockets would hold the process open for a few seconds after the last call.
    for (const opened of [client, lookupClient]) {
      if (opened)
        await opened.then(
          (c) => c.destroy(),
          () => {},
        );
    }
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
    if (spec.kind !== "string") continue;
    const eq = token.indexOf("=");
    let value = eq === -1 ? argv[++i] : token.slice(eq + 1);
    while (value !== undefined && spec.continues?.(value, argv[i + 1])) value += ` ${argv[++i]}`;
  }
  return -1;
}

// Each module costs start-up time: `dmsflow --version` loads no command, and a command loads no help.
async function loadCommands(): Promise<readonly CommandSpec[]> {
  return (await import("./commands/commandList.js")).COMMANDS;
}

function printVersion(io: CliIo): number {
  io.stdout.write(`dmsflow ${io.version}\n`);
  return ExitCode.Success;
}
