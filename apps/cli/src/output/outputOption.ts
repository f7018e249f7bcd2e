import { UsageError } from "../args/usageError.js";

/** The output formats `--output` accepts by name. */
export const OUTPUT_FORMATS = ["table", "json", "text"] as const;

/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** One column of `--output cols=...`: its header, and the key (object rows) or index (array rows) it shows. */
export interface ChosenColumn {
  readonly header: string;
  readonly key: string | number;
}

/** `--output cols=A,B rows=PATH num=true`, the aliyun CLI's table of chosen columns. */
export interface ColumnsOutput {
  /** The columns, in the order given. */
  readonly cols: readonly ChosenColumn[];
  /** A JMESPath expression selecting the rows; undefined: the result itself (an array's items, or one object). */
  readonly rows: string | undefined;
  /** Whether a row-number column (from 0, as the aliyun CLI) comes first. */
  readonly num: boolean;
}

const COLUMNS_EXAMPLE = "cols=Id,Status rows=DAGInstanceList.DAGInstance[]";

/** Whether a command-line token continues an `--output cols=...` value (the aliyun CLI's `rows=...`, `num=...`). */
export function continuesColumnsOutput(value: string, next: string | undefined): boolean {
  return next !== undefined && /^cols=/.test(value) && /^(rows|num)=/.test(next);
}

/**
 * Reads `--output`: a format name, or the aliyun CLI's `cols=A,B rows=PATH num=true` (the parts
 * separated by spaces, as the aliyun CLI writes them, or by commas). An array row's column is
 * `name:index`, as there.
 */
export function parseOutputOption(text: string): OutputFormat | ColumnsOutput {
  if ((OUTPUT_FORMATS as readonly string[]).includes(text)) return text as OutputFormat;
  if (!/^(cols|rows|num)=/.test(text)) {
    throw new UsageError(
      `--output must be one of ${OUTPUT_FORMATS.join(", ")}, or columns such as '${COLUMNS_EXAMPLE}'; got ${JSON.stringify(text)}.`,
    );
  }
  const parts = new Map<string, string>();
  // "cols=A,B rows=X" and "cols=A,B,rows=X": a part starts at "rows=" or "num=" after a space or comma.
  for (const part of text.trim().split(/\s+|,(?=(?:rows|num)=)/)) {
    const eq = part.indexOf("=");
    const name = part.slice(0, eq);
    if (eq < 0 || !["cols", "rows", "num"].includes(name)) {
      throw new UsageError(
        `--output ${JSON.stringify(text)}: unknown part ${JSON.stringify(part)}; the parts are cols=, rows= and num=.`,
      );
    }
    if (parts.has(name)) throw new UsageError(`--output gives ${name}= twice; give it once.`);
    parts.set(name, unquote(part.slice(eq + 1)));
  }
  const cols = parts.get("cols");
  if (cols === undefined || cols === "") {
    throw new UsageError(`--output needs cols= with the columns to show, as in '${COLUMNS_EXAMPLE}'.`);
  }
  const num = parts.get("num") ?? "false";
  if (num !== "true" && num !== "false") throw new UsageError(`--output num= must be true or false; got ${JSON.stringify(num)}.`);
  const rows = parts.get("rows");
  if (rows === "") throw new UsageError(`--output rows= needs a JMESPath expression, such as DAGInstanceList.DAGInstance[].`);
  return { cols: cols.split(",").map(parseColumn), rows, num: num === "true" };
}

function parseColumn(text: string): ChosenColumn {
  const name = text.trim();
  if (name === "") throw new UsageError("--output cols= has an empty column name; separate the names with single commas.");
  const indexed = /^(.+):(\d+)$/.exec(name);
  return indexed ? { header: indexed[1]!, key: Number(indexed[2]) } : { header: name, key: name };
}

// cols="A,B" typed inside a single-quoted --output value keeps its double quotes.
function unquote(value: string): string {
  return /^"[^"]*"$/.test(value) ? value.slice(1, -1) : value;
}
