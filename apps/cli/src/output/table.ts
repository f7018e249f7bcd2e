import { displayWidth } from "./displayWidth.js";

/** One column of a table. */
export interface TableColumn {
  /** The header, printed as given (upper case by convention). */
  readonly header: string;
  /** Numbers read better right-aligned. */
  readonly align?: "left" | "right";
}

const GAP = "  ";

/**
 * Renders rows as a borderless table (the kubectl/gh look): headers, then one line per row, columns
 * two spaces apart and as wide as their widest cell. Cells may hold colour codes; the last column is
 * not padded, so lines carry no trailing spaces.
 */
export function renderTable(
  columns: readonly TableColumn[],
  rows: ReadonlyArray<readonly string[]>,
  styleHeader: (text: string) => string = (t) => t,
): string {
  const widths = columns.map((c) => displayWidth(c.header));
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) widths[i] = Math.max(widths[i]!, displayWidth(row[i] ?? ""));
  }
  const line = (cells: readonly string[], style: (t: string) => string = (t) => t) => {
    let text = "";
    for (let i = 0; i < columns.length; i++) {
      const cell = cells[i] ?? "";
      const pad = " ".repeat(widths[i]! - displayWidth(cell));
      const last = i === columns.length - 1;
      if (columns[i]!.align === "right") text += pad + style(cell);
      else text += style(cell) + (last ? "" : pad);
      if (!last) text += GAP;
    }
    return text.trimEnd();
  };
  const out = [
    line(
      columns.map((c) => c.header),
      styleHeader,
    ),
  ];
  for (const row of rows) out.push(line(row));
  return `${out.join("\n")}\n`;
}
