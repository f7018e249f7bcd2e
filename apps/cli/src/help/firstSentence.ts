/** The first sentence of a spec description: what fits on one line of help or a completion menu. */
export function firstSentence(text: string): string {
  return text.split(/(?<=\.) /)[0] ?? "";
}
