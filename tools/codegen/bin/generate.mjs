#!/usr/bin/env node
// Runs the TypeScript generator on Node 20 (no built-in type stripping): esbuild bundles it first,
// which takes a few milliseconds; node_modules packages stay external.
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));
const outfile = `${here}../dist/generate.mjs`;
await build({
  entryPoints: [`${here}../src/main.ts`],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  outfile,
  logLevel: "warning",
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2), fileURLToPath(new URL("../../..", import.meta.url)));
