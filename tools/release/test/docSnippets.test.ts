import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { startEmulator } from "@dmsflow/emulator";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentationFiles, fencedSnippets, type Snippet } from "../src/markdownSnippets.js";
import { publishedPackages, ROOT } from "../src/publishedPackages.js";

const exec = promisify(execFile);

// Every fenced block of the READMEs and docs/*.md, checked by its info string:
// - `ts`/`typescript`: type-checked as an ES module against the built packages (their dist/
//   declarations, as a user gets them), strict. A block may use `client` (a DmsClient) and `signal` (an
//   AbortSignal) without declaring them: the prose around such fragments says where they come from.
//   `ts test` is also run (as JavaScript, types removed) like a `js` block. `ts no-check` is code of a
//   library the repository does not depend on (the official SDK in the migration guide): shown only.
// - `js`/`mjs`: run with node, against the demo-seeded emulator (ALIBABA_CLOUD_ENDPOINT and its key).
// - `sh test`/`bash test`: run with bash in the Markdown file's folder, against the same emulator, with
//   the workspace's bins on PATH. Plain `sh` blocks (installs, placeholders) are only shown.
// - `json`: parsed.
// The rest (output, usage lines) is text. A failure names the file and line of the broken snippet.
const snippets: Snippet[] = documentationFiles().flatMap((file) => fencedSnippets(file, readFileSync(join(ROOT, file), "utf8")));
const where = (s: Snippet, codeLine = 0) => `${s.file}:${s.line + 1 + codeLine}`;
const isTs = (s: Snippet) => s.lang === "ts" || s.lang === "typescript";
const isShell = (s: Snippet) => s.lang === "sh" || s.lang === "bash";
const typed = snippets.filter((s) => isTs(s) && !s.flags.includes("no-check"));
const runnable = snippets.filter(
  (s) => s.lang === "js" || s.lang === "mjs" || ((isTs(s) || isShell(s)) && s.flags.includes("test")),
);
const json = snippets.filter((s) => s.lang === "json");

describe("documentation snippets", () => {
  it("finds the code blocks of every documentation file that has fences", () => {
    const fenced = documentationFiles().filter((file) => /^ {0,3}(```|~~~)/m.test(readFileSync(join(ROOT, file), "utf8")));
    expect(new Set(snippets.map((s) => s.file))).toEqual(new Set(fenced));
    expect(fenced).toContain("docs/migrating-from-official-sdk.md");
  });

  describe("TypeScript blocks type-check against the built packages", () => {
    let problems: Map<Snippet, string[]>;
    beforeAll(() => {
      problems = typeCheck(typed);
    }, 120_000);
    for (const s of typed) {
      it(where(s, -1), () => {
        expect(problems.get(s)).toEqual([]);
      });
    }
  });

  describe("JSON blocks parse", () => {
    for (const s of json) {
      it(where(s, -1), () => {
        expect(() => JSON.parse(s.code), where(s, -1)).not.toThrow();
      });
    }
  });

  describe.runIf(runnable.length > 0)("runnable blocks run against the emulator", () => {
    let work: string;
    let bins: string;
    beforeAll(() => {
      // Inside the repository, so a snippet's imports resolve to the workspace packages.
      mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
      work = mkdtempSync(join(ROOT, "node_modules/.cache/dmsflow-snippets-"));
      bins = join(work, "bin");
      mkdirSync(bins);
      // What npm links into node_modules/.bin: each app's declared bins.
      for (const pkg of publishedPackages()) {
        const manifest = JSON.parse(readFileSync(join(ROOT, pkg.dir, "package.json"), "utf8")) as {
          bin?: Record<string, string>;
        };
        for (const [name, target] of Object.entries(manifest.bin ?? {}))
          symlinkSync(join(ROOT, pkg.dir, target), join(bins, name));
      }
      mkdirSync(join(work, "home"));
    });
    afterAll(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    });

    for (const s of runnable) {
      it(where(s, -1), async () => {
        // A fresh emulator per snippet: a snippet that resumes instances leaves the next one its own.
        const emulator = await startEmulator({ seed: "demo", data: ":memory:" });
        try {
          const env = {
            PATH: `${bins}:${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`,
            HOME: join(work, "home"),
            ALIBABA_CLOUD_ENDPOINT: emulator.url,
            ALIBABA_CLOUD_ACCESS_KEY_ID: "demo-key",
            ALIBABA_CLOUD_ACCESS_KEY_SECRET: "demo-secret",
          };
          const program = join(work, `${s.file.replace(/\W/g, "_")}_${s.line}.${isShell(s) ? "sh" : "mjs"}`);
          const code = isTs(s)
            ? ts.transpileModule(s.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
                .outputText
            : s.code;
          writeFileSync(program, code);
          const [command, args] = isShell(s) ? ["bash", ["-euo", "pipefail", program]] : [process.execPath, [program]];
          const outcome = await exec(command, args, { cwd: join(ROOT, dirname(s.file)), env, timeout: 30_000 }).catch(
            (e: { code?: number; stderr?: string }) => e,
          );
          expect("code" in outcome ? `${where(s, -1)} exited with ${outcome.code}: ${outcome.stderr}` : "ran").toBe("ran");
        } finally {
          await emulator.close();
        }
      });
    }
  });
});

// One program for every block (one type-check of the packages' declarations, ~5 s): each block is a
// virtual .mts file in the repository root, so `@dmsflow/*` resolves as a user's import would, through
// node_modules to each package's exports and its built declarations.
function typeCheck(blocks: Snippet[]): Map<Snippet, string[]> {
  const folder = join(ROOT, ".doc-snippets");
  const context = join(folder, "context.d.mts");
  const virtual = new Map<string, string>([
    [
      context,
      'import type { DmsClient } from "@dmsflow/core";\ndeclare global {\n  var client: DmsClient;\n  var signal: AbortSignal;\n}\n',
    ],
  ]);
  const byPath = new Map<string, Snippet>();
  for (const s of blocks) {
    const path = join(folder, `${s.file.replace(/\W/g, "_")}_${s.line}.mts`);
    // `export {}` makes a block without imports a module (top-level await); it adds no line before the code.
    virtual.set(path, `${s.code}\nexport {};\n`);
    byPath.set(path, s);
  }
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ["node"],
    typeRoots: [join(ROOT, "node_modules/@types")],
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists(f);
  host.readFile = (f) => virtual.get(f) ?? readFile(f);
  host.getSourceFile = (f, language, ...rest) => {
    const text = virtual.get(f);
    return text === undefined ? getSourceFile(f, language, ...rest) : ts.createSourceFile(f, text, language);
  };
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options, host });
  const problems = new Map<Snippet, string[]>(blocks.map((s) => [s, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const s = d.file && byPath.get(d.file.fileName);
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!s) {
      // A problem outside the blocks (the context file, the packages' declarations) fails every block.
      for (const list of problems.values()) list.push(`${d.file?.fileName ?? "(program)"}: TS${d.code}: ${message}`);
      continue;
    }
    const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
    problems.get(s)!.push(`${where(s, line)}: TS${d.code}: ${message}`);
  }
  return problems;
}
