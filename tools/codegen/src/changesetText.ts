import type { ApiChange, Bump } from "./apiDiff.js";

/** A changeset file (front matter + summary) bumping each package by the API diff. */
export function changesetText(packages: readonly string[], bump: Bump, specFile: string, changes: readonly ApiChange[]): string {
  const header = packages.map((p) => `"${p}": ${bump}`).join("\n");
  const lines = changes.map((c) => `- ${c.where}: ${c.text}`).join("\n");
  return `---\n${header}\n---\n\nRegenerated from \`${specFile}\`:\n\n${lines}\n`;
}

/** The API diff as plain lines for the terminal. */
export function describeChanges(changes: readonly ApiChange[]): string {
  if (changes.length === 0) return "No API changes.";
  return changes.map((c) => `  ${c.bump.padEnd(5)}  ${c.where}: ${c.text}`).join("\n");
}
