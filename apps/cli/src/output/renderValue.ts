// How a plain JSON value prints when --query or --output cols= reshaped a result, so the command's own
// table and text views no longer apply: the same value in each format, whatever its shape.
import { suggest } from "../args/suggest.js";
import { UsageError } from "../args/usageError.js";
import { flatten } from "./flatten.js";
import type { CompiledQuery } from "./jmespathQuery.js";
import type { ColumnsOutput, OutputFormat } from "./outputOption.js";
import { sanitize } from "./sanitize.js";
import type { TableColumn } from "./table.js";
import { textLine } from "./text.js";

/** A table's columns and rows, as text cells. */
export interface TableData {
  readonly columns: readonly TableColumn[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** What a value prints as: JSON, text lines, or a table (or, for a lone scalar, a line). */
export type ValueView =
  | { readonly kind: "json"; readonly value: unknown }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "table"; readonly table: TableData };

/**
 * A value in a format. Text: one line per item of an array (an object's or array's fields tab
 * separated), or `path value` lines for an object. Table: an array of objects by their keys, an
 * array of scalars as one column, an object as FIELD/VALUE pairs.
 */
export function viewValue(value: unknown, format: OutputFormat): ValueView {
  if (format === "json") return { kind: "json", value };
  if (format === "text") {
    if (Array.isArray(value)) return { kind: "text", text: value.map((item) => textLine(fieldsOf(item))).join("") };
    if (isObject(value))
      return {
        kind: "text",
        text: flatten(value)
          .map((pair) => textLine(pair))
          .join(""),
      };
    return { kind: "text", text: value === null || value === undefined ? "" : textLine([raw(value)]) };
  }
  if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
    const keys = [...new Set(value.flatMap((item) => Object.keys(item)))];
    return table(
      keys,
      value.map((item) => keys.map((k) => cell(item[k]))),
    );
  }
  if (Array.isArray(value))
    return table(
      ["VALUE"],
      value.map((item) => [cell(item)]),
    );
  if (isObject(value))
    return table(
      ["FIELD", "VALUE"],
      flatten(value).map(([path, text]) => [path, sanitize(text)]),
    );
  return { kind: "text", text: value === null || value === undefined ? "" : `${cell(value)}\n` };
}

/**
 * `--output cols=... rows=...`: the rows the expression selects (default: the value itself), each
 * an object (a column is a key) or an array (a column is `name:index`). A column that no row has is
 * a UsageError naming the columns there are.
 */
export function columnsTable(value: unknown, spec: ColumnsOutput, rowsQuery: CompiledQuery | undefined): TableData {
  const selected = rowsQuery ? rowsQuery.search(value) : value;
  const where = spec.rows === undefined ? "the result" : `rows=${spec.rows}`;
  if (selected === null || selected === undefined) {
    const top = isObject(value) ? ` The result's fields: ${Object.keys(value).join(", ")}.` : "";
    throw new UsageError(`--output ${where} selects nothing.${top}`);
  }
  const rows = Array.isArray(selected) ? selected : [selected];
  const objects = rows.filter(isObject);
  const known = [...new Set(objects.flatMap((row) => Object.keys(row)))];
  for (const column of spec.cols) {
    if (typeof column.key === "number") {
      if (rows.length > 0 && !rows.some((row) => Array.isArray(row) && (column.key as number) < row.length)) {
        throw new UsageError(
          `--output cols=: column ${column.header}:${column.key} needs rows that are arrays of more than ${column.key} items; ${where} has none.`,
        );
      }
    } else if (objects.length > 0 && !known.includes(column.key)) {
      const close = suggest(column.key, known);
      throw new UsageError(
        `--output cols=: unknown column ${JSON.stringify(column.key)}${close ? ` (did you mean ${close}?)` : ""}; the rows of ${where} have ${known.join(", ")}.`,
      );
    } else if (rows.length > 0 && objects.length === 0) {
      throw new UsageError(`--output cols=: ${where} are not objects, so name each column by index, as in cols=name:0,status:1.`);
    }
  }
  const headers = [...(spec.num ? ["Num"] : []), ...spec.cols.map((c) => c.header)];
  const cells = rows.map((row, n) => [
    ...(spec.num ? [String(n)] : []),
    ...spec.cols.map((c) => cell((row as Record<string | number, unknown> | null)?.[c.key])),
  ]);
  return { columns: headers.map((header) => ({ header })), rows: cells };
}

function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): ValueView {
  return { kind: "table", table: { columns: headers.map((header) => ({ header })), rows } };
}

// The fields of one text line (textLine makes them safe).
function fieldsOf(item: unknown): string[] {
  if (Array.isArray(item)) return item.map(raw);
  if (isObject(item)) return Object.values(item).map(raw);
  return [raw(item)];
}

/** A value as text: nothing as empty, nested values as compact JSON. */
function raw(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** A value as one table cell: {@link raw}, made safe to print. */
function cell(value: unknown): string {
  return sanitize(raw(value));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
