// Runs a TypeScript entry of the generator on Node 20 (no built-in type stripping): esbuild bundles
// it first, which takes a few milliseconds; node_modules packages stay external. The bundle is named
// by its content hash and written atomically, so concurrent runs (nx runs the check beside the tests)
// never import a half-written file.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));

/** Bundles `src/<entry>.ts` and returns its module. */
export async function importTypeScript(entry) {
  const result = await build({
    entryPoints: [`${here}../src/${entry}.ts`],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    outfile: `${here}../dist/${entry}.mjs`,
    logLevel: "warning",
  });
  const code = result.outputFiles[0].contents;
  const dist = `${here}../dist`;
  const outfile = `${dist}/${entry}-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`;
  if (!existsSync(outfile)) {
    mkdirSync(dist, { recursive: true });
    const partial = `${outfile}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, outfile);
  }
  return import(pathToFileURL(outfile).href);
}

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
