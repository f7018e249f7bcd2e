// --query and --output cols=...: a command's result as JSON, reshaped, then printed generically.
import { UsageError } from "../args/usageError.js";
import type { GlobalOptions } from "../globalOptions.js";
import type { CommandResult } from "./commandResult.js";
import { type CompiledQuery, compileQuery } from "./jmespathQuery.js";
import type { Output } from "./output.js";
import type { ColumnsOutput, OutputFormat } from "./outputOption.js";
import { columnsTable, type TableData, viewValue } from "./renderValue.js";

/** The checked --query and --output cols=... of a command line. */
export interface Reshape {
  readonly query?: CompiledQuery;
  readonly columns?: ColumnsOutput;
  /** The compiled `rows=` of the columns. */
  readonly rowsQuery?: CompiledQuery;
}

/**
 * Compiles --query and the `rows=` of --output before the command runs, so a bad expression is a
 * usage error before any API call; undefined when neither is given.
 */
export async function prepareReshape(global: GlobalOptions): Promise<Reshape | undefined> {
  const { query, columns } = global;
  if (query === undefined && columns === undefined) return undefined;
  return {
    ...(query === undefined ? {} : { query: await compileQuery("--query", query) }),
    ...(columns === undefined ? {} : { columns }),
    ...(columns?.rows === undefined ? {} : { rowsQuery: await compileQuery("--output rows=", columns.rows) }),
  };
}

/**
 * Prints a result reshaped: its JSON (a listing's items as one array), through --query, then as a
 * table of the chosen columns or in the format. Returns the result's exit code.
 */
export async function renderReshaped(
  result: CommandResult,
  out: Output,
  format: OutputFormat,
  reshape: Reshape,
): Promise<number> {
  if (result.kind === "document") {
    throw new UsageError(
      "--query and --output cols= apply to a command's result; this command prints a document (help or a script).",
    );
  }
  let value: unknown;
  if (result.kind === "list") {
    const items: unknown[] = [];
    for await (const item of result.items) items.push(result.json ? result.json(item) : item);
    value = items;
  } else {
    value = result.json;
  }
  if (reshape.query) value = reshape.query.search(value);
  // string-width (under table.js) costs start-up time: loaded only for a table.
  const table = async (data: TableData) =>
    out.write((await import("./table.js")).renderTable(data.columns, data.rows, out.palette.bold));
  if (reshape.columns) {
    await table(columnsTable(value, reshape.columns, reshape.rowsQuery));
  } else {
    const view = viewValue(value, format);
    if (view.kind === "json") out.json(view.value);
    else if (view.kind === "text") out.write(view.text);
    else await table(view.table);
  }
  if (result.kind === "record") {
    if (result.note) out.note(result.note(out.errPalette));
    return result.exitCode ?? 0;
  }
  return 0;
}
