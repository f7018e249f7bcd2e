/** Spec prose as one line: trimmed, runs of white space made one space; empty when absent. */
export function text(value: unknown): string {
  return typeof value === "string" ? value.trim().replace(/\s+/g, " ") : "";
}

/** A schema's first example (`examples[0]`, or the older `example`) as text. */
export function exampleOf(schema: Record<string, unknown>): string | undefined {
  const example = Array.isArray(schema.examples) ? schema.examples[0] : schema.example;
  return example === undefined ? undefined : typeof example === "string" ? example : JSON.stringify(example);
}
