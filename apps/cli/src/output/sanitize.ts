/**
 * Makes an API string safe to print in a table or a text line: control characters (newlines, tabs,
 * escape sequences a hostile name could carry) become visible escapes, so one value stays one cell.
 */
export function sanitize(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
}
