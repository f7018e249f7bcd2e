#!/usr/bin/env node
// Runs the TypeScript generator on Node 20 (no built-in type stripping): esbuild bundles it first,
// which takes a few milliseconds; node_modules packages stay external. The bundle is named by its
// content hash and written atomically, so concurrent runs (nx runs the check beside the tests) never
// import a half-written file.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));
const result = await build({
  entryPoints: [`${here}../src/main.ts`],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  write: false,
  outfile: `${here}../dist/generate.mjs`,
  logLevel: "warning",
});
const code = result.outputFiles[0].contents;
const dist = `${here}../dist`;
const outfile = `${dist}/generate-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`;
if (!existsSync(outfile)) {
  mkdirSync(dist, { recursive: true });
  const partial = `${outfile}.${process.pid}.tmp`;
  writeFileSync(partial, code);
  renameSync(partial, outfile);
}
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2), fileURLToPath(new URL("../../..", import.meta.url)));
