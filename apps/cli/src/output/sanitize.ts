/**
 * Makes an API string safe to print in a table or a text line: control characters (newlines, tabs,
 * escape sequences a hostile name could carry) and bidirectional controls (U+202E can make a line
 * read backwards) become visible escapes, so one value stays one cell and reads as it is.
 */
export function sanitize(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\x${code.toString(16).padStart(2, "0")}`;
  });
}
