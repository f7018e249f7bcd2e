import type { ActionName, OperationDescriptor, OperationDocs, WireType } from "@dmsflow/client";
import { suggest } from "../args/suggest.js";
import { UsageError } from "../args/usageError.js";
import type { CommandHandler, CommandSpec } from "../commands/commandSpec.js";
import { firstSentence } from "../help/firstSentence.js";
import type { DocumentResult, RecordResult } from "../output/commandResult.js";
import { flatten } from "../output/flatten.js";
import { sanitize } from "../output/sanitize.js";

const WIRE_TYPE_NAMES: Readonly<Record<WireType, string>> = {
  Long: "int64",
  Integer: "int32",
  String: "string",
  Boolean: "true|false",
  Json: "JSON",
};

const SAMPLE_VALUES: Readonly<Record<WireType, string>> = {
  Long: "12345",
  Integer: "1",
  String: "text",
  Boolean: "true",
  Json: "'[...]'",
};

/** `dmsflow call`: any operation of the spec, by the generated operation table. */
export const callHandler: CommandHandler = {
  async dynamicHelp(spec, positionals) {
    const { operationTable, operationDocs } = await import("@dmsflow/client");
    const action = positionals[0];
    if (action === undefined) return renderActionList(spec, operationTable, operationDocs);
    const command = (operationTable as Record<string, { operation: OperationDescriptor }>)[action];
    return command ? renderActionHelp(command.operation, operationDocs[action as ActionName]) : undefined;
  },
  async run(ctx): Promise<RecordResult | DocumentResult> {
    const { operationTable, decodeParameters } = await import("@dmsflow/client");
    const action = ctx.args.positionals[0]!;
    const actions = Object.keys(operationTable) as ActionName[];
    if (!Object.hasOwn(operationTable, action)) {
      const close = suggest(action, actions);
      throw new UsageError(
        `unknown action '${action}'.${close ? ` Did you mean '${close}'?` : ""} Run 'dmsflow call --help' for the ${actions.length} actions.`,
      );
    }
    const command = operationTable[action as ActionName];
    const { operation } = command;
    if (ctx.flags.has("generate-cli-skeleton")) {
      const [{ cliSkeleton }, { formatJson }] = await Promise.all([import("./callInput.js"), import("../output/json.js")]);
      // JSON in every format: it is a document to edit and give back to --cli-input-json.
      return { kind: "document", text: formatJson(cliSkeleton(operation)) };
    }
    const fromJson = ctx.flags.string("cli-input-json");
    // --Name flags override the document's values, as the AWS CLI's do.
    const raw = {
      ...(fromJson === undefined ? {} : await (await import("./callInput.js")).readCliInputJson(operation, fromJson)),
      ...readWireParameters(operation, ctx.args.extra),
    };
    const pager = ctx.flags.has("pager");
    if (pager) {
      if (operation.pagination === undefined) {
        const paged = Object.values(operationTable)
          .filter((c) => c.operation.pagination)
          .map((c) => c.operation.action);
        throw new UsageError(`--pager: ${action} does not page; the actions that do: ${paged.join(", ")}.`);
      }
      // Every page is fetched, so the page number and size are the pager's: from 1, 100 a page unless given.
      raw[operation.pagination.pageParameter] ??= "1";
      raw[operation.pagination.sizeParameter] ??= "100";
    }
    const decoded = decodeParameters(operation, raw);
    if (!decoded.ok) {
      const got = raw[decoded.parameter] === undefined ? "" : `; got ${JSON.stringify(raw[decoded.parameter])}`;
      throw new UsageError(
        `--${decoded.parameter} ${decoded.reason}${got}. Run 'dmsflow call ${action} --help' for its parameters.`,
      );
    }
    const client = await ctx.client();
    // The decoded values have the input types the command's serializer accepts (int64 as text).
    if (pager && operation.pagination) {
      const { fetchAllPages } = await import("./callPager.js");
      return responseResult(await fetchAllPages(client, command as never, operation.pagination, decoded.values, ctx.io.signal));
    }
    const output = await client.send(command as never, decoded.values as never, { signal: ctx.io.signal });
    return responseResult(output);
  },
};

/** An API response: JSON as is; text and table as one 'path value' pair per line. */
function responseResult(output: unknown): RecordResult {
  const pairs = flatten(output);
  return {
    kind: "record",
    json: output,
    text: pairs,
    human: (view) =>
      view.table(
        [{ header: "FIELD" }, { header: "VALUE" }],
        pairs.map(([p, v]) => [p, sanitize(v)]),
      ),
  };
}

function readWireParameters(
  operation: OperationDescriptor,
  extra: ReadonlyArray<readonly [string, string]>,
): Record<string, string> {
  const names = operation.parameters.map((p) => p.name);
  const raw: Record<string, string> = {};
  for (const [name, value] of extra) {
    if (!names.includes(name)) {
      const close = suggest(name, names);
      const known = names.length ? `Its parameters: ${names.map((n) => `--${n}`).join(", ")}` : "It takes no parameters";
      throw new UsageError(
        `unknown parameter --${name} for ${operation.action}.${close ? ` Did you mean --${close}?` : ""} ${known}.`,
      );
    }
    if (Object.hasOwn(raw, name)) throw new UsageError(`--${name} is given more than once; give it once.`);
    raw[name] = value;
  }
  return raw;
}

function renderActionList(
  call: CommandSpec,
  table: Readonly<Record<string, { operation: OperationDescriptor }>>,
  docs: Readonly<Record<string, OperationDocs>>,
): string {
  const entries = Object.values(table).map((c) => c.operation);
  const width = Math.max(...entries.map((o) => o.action.length)) + 2;
  const lines = [
    "dmsflow call: Call any API operation by name, the aliyun CLI way.",
    "",
    "Usage:",
    ...call.usage.map((u) => `  ${u}`),
    "",
    call.description,
    "",
    "Flags:",
    ...call.flags.map(
      (f) => `  ${`--${f.name}${f.valueName ? ` ${f.valueName}` : ""}`.padEnd(38)}${typeof f.help === "string" ? f.help : ""}`,
    ),
    "",
    `Actions (${entries[0]?.product ?? "dms-enterprise"} ${entries[0]?.version ?? ""}):`,
    ...entries.map((o) => `  ${o.action.padEnd(width)}${docs[o.action]!.summary}`),
    "",
    "Examples:",
    ...call.examples.map((e) => `  ${e}`),
    "",
    "Run 'dmsflow call <Action> --help' for an action's parameters, and 'dmsflow --help' for the global flags.",
  ];
  return `${lines.join("\n")}\n`;
}

function renderActionHelp(operation: OperationDescriptor, docs: OperationDocs): string {
  const label = (p: OperationDescriptor["parameters"][number]) => `--${p.name} <${WIRE_TYPE_NAMES[p.wireType]}>`;
  const width = Math.max(0, ...operation.parameters.map((p) => label(p).length)) + 2;
  const required = operation.parameters.filter((p) => p.required);
  const usage = [`dmsflow call ${operation.action}`, ...required.map((p) => `--${p.name} <${WIRE_TYPE_NAMES[p.wireType]}>`)];
  const example = [`dmsflow call ${operation.action}`, ...required.map((p) => `--${p.name} ${SAMPLE_VALUES[p.wireType]}`)];
  const lines = [
    `dmsflow call ${operation.action}: ${docs.summary}`,
    "",
    "Usage:",
    `  ${usage.join(" ")}${operation.parameters.length > required.length ? " [...]" : ""}`,
    "",
    operation.parameters.length ? "Parameters:" : "Parameters: none.",
    ...operation.parameters.map(
      (p) => `  ${label(p).padEnd(width)}${p.required ? "(required) " : ""}${firstSentence(docs.parameters[p.name] ?? "")}`,
    ),
    "",
    "Example:",
    `  ${example.join(" ")}`,
    "",
    "Run 'dmsflow --help' for the global flags (--output, --dry-run, --profile ...).",
  ];
  return `${lines.join("\n")}\n`;
}
