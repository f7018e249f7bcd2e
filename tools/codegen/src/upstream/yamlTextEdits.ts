import { Document, isNode, isScalar, isSeq, type Node, type Pair, Scalar, visit } from "yaml";

// The yaml package re-folds every folded block scalar when it prints a whole document, which would
// rewrap descriptions all over the spec. So edits are spliced into the original text at the source
// ranges the Document API reports, and only the changed nodes are printed anew.

/** A replacement of `text.slice(start, end)`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies non-overlapping edits (insertions at the same offset keep the order they were made in). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of ordered) {
    if (edit.end > limit) throw new Error(`overlapping edits at offset ${edit.start}`);
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The offset just after the line break that ends the line holding `offset - 1`. */
export function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === "\n") return offset;
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline + 1;
}

/** Prints a value (or node) as block YAML, lists of scalars in flow style as the spec writes them. */
export function printYaml(value: unknown): string {
  const doc = new Document();
  doc.contents = isNode(value) ? value : (doc.createNode(value) as Node);
  visit(doc, {
    Pair(_, pair) {
      // The spec quotes examples (`examples: ["11****"]`); a new copy should read the same.
      if (!isScalar(pair.key) || pair.key.value !== "examples" || !isSeq(pair.value)) return;
      for (const item of pair.value.items) if (isScalar(item) && typeof item.value === "string") item.type = Scalar.QUOTE_DOUBLE;
    },
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
  });
  return doc.toString({ lineWidth: 120, flowCollectionPadding: false });
}

/** Indents every line after the first; the first goes where the replaced text started. */
export function indentRest(printed: string, indent: string): string {
  const lines = printed.replace(/\n$/, "").split("\n");
  return `${lines.map((line, i) => (i === 0 || line === "" ? line : indent + line)).join("\n")}\n`;
}

/** Replaces a whole `key: value` pair of a block map with a new value printed in its place. */
export function replacePair(text: string, pair: Pair<Node, Node>, key: string, value: unknown): TextEdit {
  const start = pair.key.range![0];
  const indent = " ".repeat(start - lineStart(text, start));
  return { start, end: afterLine(text, pair.value!.range![2]), text: indentRest(printYaml({ [key]: value }), indent) };
}

/** Removes a `key: value` pair that has its own lines. */
export function removePair(text: string, pair: Pair<Node, Node>): TextEdit {
  return { start: lineStart(text, pair.key.range![0]), end: afterLine(text, pair.value!.range![2]), text: "" };
}

/** Inserts `key: value` on new lines right after a pair, at the same indentation. */
export function insertPairAfter(text: string, pair: Pair<Node, Node>, key: string, value: unknown): TextEdit {
  const at = afterLine(text, pair.value!.range![2]);
  const indent = " ".repeat(pair.key.range![0] - lineStart(text, pair.key.range![0]));
  return { start: at, end: at, text: indent + indentRest(printYaml({ [key]: value }), indent) };
}

/** Replaces one item of a block sequence (from its `- ` to its end) with a new value. */
export function replaceItem(text: string, item: Node, value: unknown): TextEdit {
  const start = item.range![0];
  const dash = text.slice(lineStart(text, start), start);
  return { start, end: afterLine(text, item.range![2]), text: indentRest(printYaml(value), " ".repeat(dash.length)) };
}

/** Removes one item of a block sequence. */
export function removeItem(text: string, item: Node): TextEdit {
  return { start: lineStart(text, item.range![0]), end: afterLine(text, item.range![2]), text: "" };
}

/** Appends an item to a block sequence, shaped like its last item. */
export function appendItem(text: string, seq: Node, value: unknown): TextEdit {
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) throw new Error("can only append to a non-empty block list");
  const last = seq.items[seq.items.length - 1] as Node;
  const dash = text.slice(lineStart(text, last.range![0]), last.range![0]);
  const at = afterLine(text, last.range![2]);
  return { start: at, end: at, text: dash + indentRest(printYaml(value), " ".repeat(dash.length)) };
}
