import { parseArgs } from "node:util";

/** Changing calls a session may send unless --max-changes says otherwise. */
export const DEFAULT_MAX_CHANGES = 10;

/** The bin's settings, from its flags. */
export interface McpArguments {
  readonly allowChanges: boolean;
  readonly maxChanges: number;
  /** Serve streamable HTTP on 127.0.0.1 at this port (0: any free one) instead of stdio. */
  readonly httpPort: number | undefined;
  readonly endpoint: string | undefined;
  readonly region: string | undefined;
  readonly profile: string | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

/** A flag the bin cannot use; the message says which and what to do. */
export class ArgumentError extends Error {
  override readonly name = "ArgumentError";
}

/** The bin's help text. */
export const USAGE = `Usage: dmsflow-mcp [options]

An MCP server for Alibaba Cloud DMS task flows, on stdio (or streamable HTTP on 127.0.0.1).
Credentials and region come from the environment or the aliyun CLI profile, as in @dmsflow/core.

Options:
  --allow-changes       let tools that change state send (default: read-only; dry runs always work)
  --max-changes <n>     changing calls per session (default ${DEFAULT_MAX_CHANGES})
  --http <port>         serve streamable HTTP on 127.0.0.1:<port> at /mcp (0: any free port)
  --endpoint <url>      the API endpoint, e.g. the emulator's http://127.0.0.1:8080 (or DMSFLOW_ENDPOINT)
  --region <id>         the region, e.g. cn-hangzhou
  --profile <name>      an aliyun CLI profile
  --help, --version
`;

/** Parses the bin's flags; throws ArgumentError naming the bad one. */
export function parseArguments(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): McpArguments {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new ArgumentError(`${(error as Error).message}. Run 'dmsflow-mcp --help' for the options.`);
  }
  const v = parsed.values;
  return {
    allowChanges: v["allow-changes"] === true,
    maxChanges: wholeNumber("--max-changes", v["max-changes"], 0, DEFAULT_MAX_CHANGES),
    httpPort: v.http === undefined ? undefined : wholeNumber("--http", v.http, 0, 0, 65535),
    endpoint: v.endpoint ?? (env.DMSFLOW_ENDPOINT || undefined),
    region: v.region,
    profile: v.profile,
    help: v.help === true,
    version: v.version === true,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      "allow-changes": { type: "boolean" },
      "max-changes": { type: "string" },
      http: { type: "string" },
      endpoint: { type: "string" },
      region: { type: "string" },
      profile: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
  });
}

function wholeNumber(flag: string, text: string | undefined, min: number, fallback: number, max = 1_000_000): number {
  if (text === undefined) return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= min && n <= max)) throw new ArgumentError(`${flag} takes a whole number from ${min} to ${max}, got '${text}'.`);
  return n;
}
