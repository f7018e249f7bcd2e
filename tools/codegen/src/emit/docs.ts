import type { JSDocStructure, OptionalKind } from "ts-morph";

/** Builds a TSDoc block from a description, an example and whether the value is required. */
export function docsOf(description: string, example?: string, required?: boolean): OptionalKind<JSDocStructure>[] {
  const sentence = description || "No description in the spec.";
  const text = required === undefined ? sentence : `${sentence} ${required ? "Required." : "Optional."}`;
  const tags = example === undefined ? [] : [{ tagName: "example", text: escapeComment(example) }];
  return [{ description: escapeComment(text), tags }];
}

/** Escapes the comment terminator in spec text, so that it cannot end the comment early. */
export function escapeComment(text: string): string {
  return text.replace(/\*\//g, "*\\/");
}
