import type { CliIo } from "../cliIo.js";
import type { OutputFormat } from "../globalOptions.js";
import type { Palette } from "./color.js";
import { formatJson, JsonArrayWriter } from "./json.js";
import { textLine } from "./text.js";

/** Where a command writes its results, in the format the user chose. */
export class Output {
  /**
   * @param io the streams.
   * @param format the chosen output format.
   * @param palette colours for stdout (identity when off).
   * @param errPalette colours for stderr (identity when off).
   */
  constructor(
    private readonly io: CliIo,
    readonly format: OutputFormat,
    readonly palette: Palette,
    readonly errPalette: Palette,
  ) {}

  /** Writes text to stdout as is. */
  write(text: string): void {
    this.io.stdout.write(text);
  }

  /** Writes a value as JSON to stdout. */
  json(value: unknown): void {
    this.write(formatJson(value));
  }

  /** Starts a JSON array that is written item by item. */
  jsonArray(): JsonArrayWriter {
    return new JsonArrayWriter((text) => this.write(text));
  }

  /** Writes one tab-separated record to stdout. */
  textLine(fields: ReadonlyArray<string | number | boolean | undefined>): void {
    this.write(textLine(fields));
  }

  /** Writes a note for the human to stderr (never part of the result, so pipes stay clean). */
  note(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }
}
