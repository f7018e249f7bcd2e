#!/usr/bin/env node
// Builds the package in the current folder: ESM and declarations with tsc, then the CommonJS copy
// with esbuild file by file (a second tsc pass would double the build time for the same output).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { transformSync } from "esbuild";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
rmSync("dist", { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });

const esm = "dist/esm";
const cjs = "dist/cjs";
for (const entry of readdirSync(esm, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(cjs, relative(esm, from));
  mkdirSync(dirname(to), { recursive: true });
  if (entry.name.endsWith(".js")) {
    const { code } = transformSync(readFileSync(from, "utf8"), { format: "cjs", target: "node20", platform: "node" });
    writeFileSync(to, code);
  } else if (entry.name.endsWith(".d.ts")) {
    cpSync(from, to);
  }
}
// Inside dist/cjs, .js and .d.ts files are CommonJS (and typed as such) whatever the package type says.
writeFileSync(join(cjs, "package.json"), '{ "type": "commonjs" }\n');
