#!/usr/bin/env node
// Writes seeds/seed.schema.json from src/seed/seedSchema.ts (built from the generated client's enums).
// `--check` only compares, and fails when the file is out of date; the emulator's tests check it too.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { build } from "esbuild";

const appRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = join(appRoot, "..", "..");
const target = join(appRoot, "seeds", "seed.schema.json");

const { outputFiles } = await build({
  entryPoints: [join(appRoot, "src", "seed", "seedSchema.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  write: false,
  logLevel: "error",
  alias: { "@dmsflow/client": join(repoRoot, "packages", "client", "src", "index.ts") },
});
const { seedSchema } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString("base64")}`);
const schema = seedSchema();

if (process.argv.includes("--check")) {
  const current = JSON.parse(readFileSync(target, "utf8"));
  if (!isDeepStrictEqual(current, schema)) {
    process.stderr.write("seeds/seed.schema.json is out of date: run `npm run seed-schema -w @dmsflow/emulator`.\n");
    process.exit(1);
  }
} else {
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  // The repository's formatter has the last word on layout, so `biome check` stays clean.
  const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");
  execFileSync(process.execPath, [biome, "format", "--write", target], { stdio: "ignore" });
}
