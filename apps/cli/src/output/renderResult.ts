import type { OutputFormat } from "../globalOptions.js";
import type { CommandResult, ListResult } from "./commandResult.js";
import type { Output } from "./output.js";
import { renderTable } from "./table.js";

/** Prints what a command returned in the chosen format, and returns the exit code. */
export async function renderResult(result: CommandResult, out: Output, format: OutputFormat): Promise<number> {
  if (result.kind === "document") {
    out.write(result.text);
    return 0;
  }
  if (result.kind === "list") {
    await renderList(result, out, format);
    return 0;
  }
  if (format === "json") out.json(result.json);
  else if (format === "text") for (const fields of result.text) out.textLine(fields);
  else {
    out.write(
      result.human({
        palette: out.palette,
        table: (columns, rows) => renderTable(columns, rows, out.palette.bold),
      }),
    );
  }
  if (result.note) out.note(result.note(out.errPalette));
  return result.exitCode ?? 0;
}

async function renderList<T>(result: ListResult<T>, out: Output, format: OutputFormat): Promise<void> {
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
  out.table(result.columns, rows);
  if (result.footer) out.write(result.footer(rows.length, out.palette));
}
