import { sanitize } from "./sanitize.js";

/**
 * One line of `--output text`: fields separated by tabs, no header, no colour; an empty field is
 * `-` so that `awk '{print $3}'` keeps counting columns right. Tabs and newlines inside values are
 * escaped, so one record is always one line.
 */
export function textLine(fields: ReadonlyArray<string | number | boolean | undefined>): string {
  return `${fields.map((f) => (f === undefined || f === "" ? "-" : sanitize(String(f)))).join("\t")}\n`;
}
