#!/usr/bin/env node
// Builds the package in the current folder: ESM and declarations with tsc, then the CommonJS copy
// with esbuild file by file (a second tsc pass would double the build time for the same output).
// With --bundle (the libraries), each format's JavaScript becomes one file per entry point of the
// exports map (index.js, and a subpath's own file) with dependencies
// external: loading ~50 small modules cost ~25 ms at import, one file ~5 ms; declarations stay per file.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { buildSync, transformSync } from "esbuild";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
const esm = "dist/esm";
const cjs = "dist/cjs";
const bundle = process.argv.includes("--bundle");
// `--lazy <name>`: a second entry, src/<name>.ts, bundled into its own file that index.js imports on
// demand (core's credential exchanges), so programs that never need it do not carry it.
const lazy = process.argv.flatMap((arg, i) => (process.argv[i - 1] === "--lazy" ? [`${arg}.js`] : []));
rmSync("dist", { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });

for (const entry of readdirSync(esm, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(cjs, relative(esm, from));
  mkdirSync(dirname(to), { recursive: true });
  // Bundled packages get their CommonJS from the bundle below, not file by file.
  if (entry.name.endsWith(".js") && !bundle) {
    const { code } = transformSync(readFileSync(from, "utf8"), { format: "cjs", target: "node20", platform: "node" });
    writeFileSync(to, code);
  } else if (entry.name.endsWith(".d.ts")) {
    cpSync(from, to);
  }
}
// Inside dist/cjs, .js and .d.ts files are CommonJS (and typed as such) whatever the package type says.
writeFileSync(join(cjs, "package.json"), '{ "type": "commonjs" }\n');

if (bundle) {
  const manifest = JSON.parse(readFileSync("package.json", "utf8"));
  const external = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  const common = { bundle: true, platform: "node", target: "node20", external, logLevel: "warning", write: false };
  // One bundle per entry point of the exports map (index.js, and e.g. signing.js for a subpath).
  const entries = Object.values(manifest.exports)
    .map((target) => target?.import?.default)
    .filter((file) => typeof file === "string" && file.startsWith(`./${esm}/`))
    .map((file) => file.slice(`./${esm}/`.length));
  // Both formats come from the per-file ESM output, before it is removed.
  const bundled = [...entries, ...lazy].flatMap((file) =>
    [
      [esm, "esm"],
      [cjs, "cjs"],
    ].map(([dir, format]) => [
      join(dir, file),
      buildSync({ ...common, entryPoints: [`${esm}/${file}`], format }).outputFiles[0].text,
    ]),
  );
  for (const entry of readdirSync(esm, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".js")) rmSync(join(entry.parentPath, entry.name));
  }
  for (const [path, code] of bundled) writeFileSync(path, code);
}
