import stringWidth from "string-width";

const ANSI = /\x1b\[[0-9;]*m/g;

/** Text without ANSI colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/**
 * How many terminal columns text takes: colour codes take none, East Asian wide and full-width
 * characters (common in DMS tenant and task-flow names) and emoji take two, combining marks and
 * zero-width characters none. string-width measures by grapheme cluster with the Unicode tables,
 * which a hand-written range list cannot keep up with.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}
