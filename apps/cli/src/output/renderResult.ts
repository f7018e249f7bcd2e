import type { OutputFormat } from "../globalOptions.js";
import type { CommandResult, ListResult } from "./commandResult.js";
import type { Output } from "./output.js";
import type { Reshape } from "./reshape.js";

type RenderTable = typeof import("./table.js").renderTable;

/**
 * Prints what a command returned in the chosen format, or reshaped by --query and --output cols=,
 * and returns the exit code.
 */
export async function renderResult(result: CommandResult, out: Output, format: OutputFormat, reshape?: Reshape): Promise<number> {
  // Loaded only when used: the JMESPath library, and string-width for tables, cost start-up time.
  if (reshape) return (await import("./reshape.js")).renderReshaped(result, out, format, reshape);
  const renderTable = format === "table" ? (await import("./table.js")).renderTable : undefined;
  if (result.kind === "document") {
    out.write(result.text);
    return 0;
  }
  if (result.kind === "list") {
    await renderList(result, out, format, renderTable);
    return 0;
  }
  if (format === "json") out.json(result.json);
  else if (format === "text") for (const fields of result.text) out.textLine(fields);
  else {
    out.write(
      result.human({
        palette: out.palette,
        table: (columns, rows) => renderTable!(columns, rows, out.palette.bold),
      }),
    );
  }
  if (result.note) out.note(result.note(out.errPalette));
  return result.exitCode ?? 0;
}

async function renderList<T>(
  result: ListResult<T>,
  out: Output,
  format: OutputFormat,
  renderTable: RenderTable | undefined,
): Promise<void> {
  if (format === "json") {
    const array = out.jsonArray();
    for await (const item of result.items) array.push(result.json ? result.json(item) : item);
    array.end();
    return;
  }
  if (format === "text") {
    for await (const item of result.items) out.textLine(result.text(item));
    return;
  }
  const rows: (readonly string[])[] = [];
  for await (const item of result.items) rows.push(result.row(item, out.palette));
  if (rows.length === 0) {
    out.write(result.empty);
    return;
  }
  out.write(renderTable!(result.columns, rows, out.palette.bold));
  if (result.footer) out.write(result.footer(rows.length, out.palette));
}
