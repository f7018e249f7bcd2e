import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./publishedPackages.js";

/** One fenced code block of a Markdown file. */
export interface Snippet {
  /** The Markdown file, relative to the repository root. */
  readonly file: string;
  /** The 1-based line of the opening fence; the code's first line is `line + 1`. */
  readonly line: number;
  /** The info string's first word (`ts`, `sh`, ...), lower case; `""` for none. */
  readonly lang: string;
  /** The info string's other words, e.g. `["test"]` for `sh test`. */
  readonly flags: readonly string[];
  readonly code: string;
}

/** The documentation whose code blocks are checked: the root README, each package's and app's README, docs/ (.md). */
export function documentationFiles(): string[] {
  const list = (folder: string) => (existsSync(join(ROOT, folder)) ? readdirSync(join(ROOT, folder)).sort() : []);
  const readmes = ["packages", "apps"].flatMap((group) => list(group).map((dir) => `${group}/${dir}/README.md`));
  const docs = list("docs")
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`);
  return ["README.md", ...readmes, ...docs].filter((file) => existsSync(join(ROOT, file)));
}

// CommonMark fences: three or more backticks or tildes, indented at most three spaces; the block ends
// at a fence of the same character at least as long, or at the end of the file.
const OPENING = /^( {0,3})(`{3,}|~{3,})\s*([^`]*)$/;

/** Every fenced code block of a Markdown text, with its file and line. */
export function fencedSnippets(file: string, text: string): Snippet[] {
  const lines = text.split(/\r?\n/);
  const out: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info] = open as unknown as [string, string, string, string];
    const closing = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !closing.test(lines[j]!); j++)
      body.push(lines[j]!.replace(new RegExp(`^ {0,${indent.length}}`), ""));
    const [lang = "", ...flags] = info.trim().split(/\s+/).filter(Boolean);
    out.push({ file, line: i + 1, lang: lang.toLowerCase(), flags, code: body.join("\n") });
    i = j;
  }
  return out;
}
