import type { Palette } from "./color.js";
import type { TableColumn } from "./table.js";

/** The fields of one `--output text` line. */
export type TextFields = ReadonlyArray<string | number | boolean | undefined>;

/**
 * A listing (instances, task flows, versions, tenants). In json and text it is printed item by
 * item as the items arrive, so a listing of any length needs one page in memory; a table needs
 * every row to size its columns.
 */
export interface ListResult<T> {
  readonly kind: "list";
  /** The items, possibly arriving page by page. */
  readonly items: Iterable<T> | AsyncIterable<T>;
  /** An item as `--output json` prints it (default: as is). */
  readonly json?: (item: T) => unknown;
  /** An item as one `--output text` line. */
  readonly text: (item: T) => TextFields;
  /** The table's columns. */
  readonly columns: readonly TableColumn[];
  /** An item as one table row; cells may carry colour. */
  readonly row: (item: T, palette: Palette) => readonly string[];
  /** The line a table prints instead when there are no items. */
  readonly empty: string;
  /** A line under a non-empty table, such as a count. */
  readonly footer?: (count: number, palette: Palette) => string;
}

/** What a person's terminal view (`--output table`) of a single result may use. */
export interface HumanView {
  /** Colours for stdout (identity when off). */
  readonly palette: Palette;
  /** A table as text, headers styled. */
  table(columns: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>): string;
}

/** One outcome (an instance action, a wait, a bulk summary, an API response). */
export interface RecordResult {
  readonly kind: "record";
  /** What `--output json` prints. */
  readonly json: unknown;
  /** What `--output text` prints, one line per entry. */
  readonly text: readonly TextFields[];
  /** What `--output table` prints: sentences and tables for a person. */
  readonly human: (view: HumanView) => string;
  /** The exit code (default 0). */
  readonly exitCode?: number;
  /** A line for stderr after the result, in any format (such as "instance 102 failed"). */
  readonly note?: (errPalette: Palette) => string;
}

/** Text that is the same in every format: a help page, a completion script. */
export interface DocumentResult {
  readonly kind: "document";
  readonly text: string;
}

/** What a command returns; {@link renderResult} prints it. */
// biome-ignore lint/suspicious/noExplicitAny: each listing has its own item type; the renderer needs none.
export type CommandResult = ListResult<any> | RecordResult | DocumentResult;
