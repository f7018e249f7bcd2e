/**
 * JSON as `--output json` prints it: two-space indentation, keys in the order the API sends them.
 * int64 values are already exact decimal strings in every output (the generated readers keep them
 * so), so they print as JSON strings and no consumer can round them.
 */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Writes a JSON array one item at a time, so a listing of any length needs one page in memory. */
export class JsonArrayWriter {
  private count = 0;

  /** @param write where the text goes (stdout). */
  constructor(private readonly write: (text: string) => void) {}

  /** Appends one item. */
  push(item: unknown): void {
    const body = JSON.stringify(item, null, 2).replace(/\n/g, "\n  ");
    this.write(`${this.count === 0 ? "[\n" : ",\n"}  ${body}`);
    this.count++;
  }

  /** Closes the array; an empty listing prints `[]`. */
  end(): void {
    this.write(this.count === 0 ? "[]\n" : "\n]\n");
  }
}
