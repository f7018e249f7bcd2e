/** The command line of dmsflow-emulator, parsed. */
export interface EmulatorArguments {
  readonly host: string;
  readonly port: number;
  readonly data: string;
  readonly seed: string | undefined;
  readonly adminToken: string | undefined;
  readonly quiet: boolean;
  /** --no-console: do not serve the web console. */
  readonly console: boolean;
  readonly completeAfterMs: number | undefined;
  readonly speed: number | undefined;
  readonly randomSeed: number | undefined;
  readonly maxConnections: number | undefined;
  readonly maxConnectionsPerAddress: number | undefined;
  readonly headersTimeoutMs: number | undefined;
  readonly idleTimeoutMs: number | undefined;
  readonly help: boolean;
}

/** A command line the emulator cannot run with; the message says what to change. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The usage text printed by --help. */
export const USAGE = `Usage: dmsflow-emulator [options]

A local Alibaba Cloud DMS Enterprise (2018-11-01) task-flow server.
When ready it prints one JSON line to stdout: {"url":"http://127.0.0.1:<port>"}.

Options:
  --host <host>            interface to listen on (default 127.0.0.1)
  --port <port>            port, 0 for any free port (default 0)
  --data <file|:memory:>   SQLite data file; kept across restarts (default :memory:)
  --seed <file.json|demo>  seed applied when the data file is empty; demo: the built-in demo seed
  --admin-token <token>    enables /_emulator/* admin endpoints (or DMSFLOW_EMULATOR_ADMIN_TOKEN)
  --complete-after <ms>    a resumed or rerun instance succeeds after this many ms (default never)
  --speed <factor>         simulated node durations and schedules run this many times faster (default 1)
  --random-seed <n>        seeds the per-node failure-rate draws (default 1)
  --max-connections <n>    most connections open at once (default 900); keep it below ulimit -n
  --max-connections-per-address <n>
                           most connections open at once from one address (default 600)
  --headers-timeout <ms>   a connection must send its request headers within this time (default 5000)
  --idle-timeout <ms>      an idle keep-alive connection is closed after this time (default 5000)
  --no-console             do not serve the web console at /_emulator/console
  --quiet                  no request logs on stderr
  --help                   this text
`;

const VALUE_FLAGS = [
  "--host",
  "--port",
  "--data",
  "--seed",
  "--admin-token",
  "--complete-after",
  "--speed",
  "--random-seed",
  "--max-connections",
  "--max-connections-per-address",
  "--headers-timeout",
  "--idle-timeout",
] as const;

/** Parses argv (without node and the script) and the environment; throws UsageError. */
export function parseArguments(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): EmulatorArguments {
  const values = new Map<string, string>();
  let quiet = false;
  let serveConsole = true;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq !== -1 ? arg.slice(0, eq) : arg;
    if (name === "--quiet") quiet = true;
    else if (name === "--no-console") serveConsole = false;
    else if (name === "--help" || name === "-h") help = true;
    else if ((VALUE_FLAGS as readonly string[]).includes(name)) {
      const value = eq !== -1 && arg.startsWith("--") ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq === -1 && value.startsWith("--")))
        throw new UsageError(`${name} needs a value; see --help.`);
      values.set(name, value);
    } else {
      throw new UsageError(`Unknown option ${JSON.stringify(arg)}; see --help.`);
    }
  }
  const port = integer(values.get("--port") ?? "0", "--port", 0, 65535);
  const completeAfter = values.get("--complete-after");
  const host = values.get("--host") ?? "127.0.0.1";
  if (host === "") throw new UsageError("--host must not be empty.");
  const data = values.get("--data") ?? ":memory:";
  if (data === "") throw new UsageError("--data must be a file path or :memory:.");
  return {
    host,
    port,
    data,
    seed: values.get("--seed"),
    adminToken: values.get("--admin-token") ?? (env.DMSFLOW_EMULATOR_ADMIN_TOKEN || undefined),
    quiet,
    console: serveConsole,
    completeAfterMs: completeAfter === undefined ? undefined : integer(completeAfter, "--complete-after", 0, 86_400_000),
    speed: speedOf(values.get("--speed")),
    randomSeed: optionalInteger(values, "--random-seed", 0, 2 ** 31 - 1),
    maxConnections: optionalInteger(values, "--max-connections", 1, 1_000_000),
    maxConnectionsPerAddress: optionalInteger(values, "--max-connections-per-address", 1, 1_000_000),
    headersTimeoutMs: optionalInteger(values, "--headers-timeout", 1, 3_600_000),
    idleTimeoutMs: optionalInteger(values, "--idle-timeout", 1, 3_600_000),
    help,
  };
}

function integer(text: string, flag: string, min: number, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= min && n <= max))
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}; got ${JSON.stringify(text)}.`);
  return n;
}

function optionalInteger(values: ReadonlyMap<string, string>, flag: string, min: number, max: number): number | undefined {
  const text = values.get(flag);
  return text === undefined ? undefined : integer(text, flag, min, max);
}

function speedOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(n > 0 && n <= 1_000_000))
    throw new UsageError(`--speed must be a number above 0 and at most 1000000; got ${JSON.stringify(text)}.`);
  return n;
}
