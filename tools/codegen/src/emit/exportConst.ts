import { escapeComment } from "./docs.js";

/**
 * An exported const, with its one-line TSDoc, as statement text. Every generated const is written
 * this way and every other declaration as a ts-morph structure: ts-morph would print a multi-line
 * initializer with a hanging indent, and a text statement prints as written.
 */
export function exportConst(doc: string, name: string, type: string | undefined, value: string): string {
  return `/** ${escapeComment(doc)} */\nexport const ${name}${type === undefined ? "" : `: ${type}`} = ${value};`;
}
