import type { ResolvedOption } from "./args/optionSpec.js";
import { parseDuration } from "./args/parseDuration.js";
import { parseWholeNumber } from "./args/parseNumber.js";
import { UsageError } from "./args/usageError.js";
import type { CliIo } from "./cliIo.js";
import {
  type ColumnsOutput,
  continuesColumnsOutput,
  OUTPUT_FORMATS,
  type OutputFormat,
  parseOutputOption,
} from "./output/outputOption.js";

export { OUTPUT_FORMATS, type OutputFormat } from "./output/outputOption.js";

/** Flags every command accepts, before or after the command name. */
export const GLOBAL_OPTIONS: readonly ResolvedOption[] = [
  {
    name: "profile",
    kind: "string",
    valueName: "<name>",
    help: "aliyun CLI profile in ~/.aliyun/config.json (default: its current one)",
  },
  {
    name: "region",
    kind: "string",
    valueName: "<id>",
    help: "region ID such as cn-hangzhou (default: ALIBABA_CLOUD_REGION_ID)",
  },
  {
    name: "endpoint",
    kind: "string",
    valueName: "<url>",
    help: "API endpoint, e.g. dms-enterprise.cn-hangzhou.aliyuncs.com (env ALIBABA_CLOUD_ENDPOINT)",
  },
  {
    name: "output",
    kind: "string",
    short: "o",
    valueName: "<format>",
    help: "table, json or text (default: table on a terminal, text in a pipe), or cols=<A,B> rows=<JMESPath>",
    choices: OUTPUT_FORMATS,
    continues: continuesColumnsOutput,
  },
  {
    name: "query",
    kind: "string",
    valueName: "<JMESPath>",
    help: "JMESPath expression applied to the JSON result before printing, as in the AWS CLI",
  },
  { name: "dry-run", kind: "boolean", help: "print the signed request that would be sent, secrets redacted; send nothing" },
  { name: "debug", kind: "boolean", help: "print each request and response to stderr, secrets redacted" },
  {
    name: "timeout",
    kind: "string",
    valueName: "<duration>",
    help: "time limit for each API call attempt, e.g. 10s (default 30s)",
  },
  {
    name: "retries",
    kind: "string",
    valueName: "<n>",
    help: "retries of a call that failed in a retryable way, 0 to 10 (default 2)",
  },
  { name: "no-color", kind: "boolean", help: "no colours (also: NO_COLOR=1)" },
  { name: "help", kind: "boolean", short: "h", help: "show help for the command" },
  { name: "version", kind: "boolean", short: "V", help: "print the version" },
];

/** Global flags after validation. */
export interface GlobalOptions {
  readonly profile?: string;
  readonly region?: string;
  /** A URL or a bare host (core adds https:// and validates it). */
  readonly endpoint?: string;
  readonly output: OutputFormat;
  /** `--output cols=... rows=...`: a table of these columns (then `output` is table). */
  readonly columns?: ColumnsOutput;
  /** `--query`: a JMESPath expression for the JSON result, checked by the command before it calls the API. */
  readonly query?: string;
  /** Whether `--output` was given (commands with their own default, like `call`, check it). */
  readonly outputGiven: boolean;
  readonly dryRun: boolean;
  readonly debug: boolean;
  readonly timeoutMs?: number;
  readonly retries?: number;
  readonly noColor: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** Validates the global flags; the default output depends on whether stdout is a terminal. */
export function readGlobalOptions(options: ReadonlyMap<string, string | true>, io: CliIo): GlobalOptions {
  const text = (name: string) => {
    const value = options.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const outputText = text("output");
  const chosen = outputText === undefined ? undefined : parseOutputOption(outputText);
  const output = typeof chosen === "object" ? "table" : chosen;
  const timeout = text("timeout");
  const retries = text("retries");
  // ALIBABA_CLOUD_ENDPOINT is read by core itself, as the aliyun CLI reads it; DMSFLOW_ENDPOINT is
  // its deprecated alias from before core honoured one.
  const endpoint = text("endpoint") ?? (io.env.ALIBABA_CLOUD_ENDPOINT || io.env.DMSFLOW_ENDPOINT || undefined);
  return {
    profile: nonEmpty("profile", text("profile")),
    region: nonEmpty("region", text("region")),
    endpoint: nonEmpty("endpoint", endpoint),
    output: output ?? (io.stdout.isTTY ? "table" : "text"),
    ...(typeof chosen === "object" ? { columns: chosen } : {}),
    ...(text("query") === undefined ? {} : { query: nonEmpty("query", text("query")) }),
    outputGiven: output !== undefined,
    dryRun: options.has("dry-run"),
    debug: options.has("debug"),
    timeoutMs: timeout === undefined ? undefined : parseDuration("timeout", timeout),
    retries: retries === undefined ? undefined : parseWholeNumber("retries", retries, 0, 10),
    noColor: options.has("no-color"),
    help: options.has("help"),
    version: options.has("version"),
  };
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value === "") throw new UsageError(`--${flag} needs a non-empty value.`);
  return value;
}
