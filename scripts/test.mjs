#!/usr/bin/env node
// `npm test`: lint; no import cycle in any package's src (`npm run check:cycles`); check the Node
// matrix runtimes and build their SQLite addons (cached); every project's cached nx targets
// (generated-code check, typecheck, build, tests, package checks) on the machine's Node; then the
// runtime-dependent tests on Node 22 and 24 (scripts/node-matrix). Everything a test needs it starts
// itself, on 127.0.0.1. Prints the time each part took.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NX_DAEMON: "false", NX_NO_CLOUD: "true" };
const parts = [];
const run = (part, cmd, args) => {
  const t0 = performance.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  parts.push(`${part} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  if (result.status !== 0) {
    console.error(`npm test: ${part} failed (${parts.join(", ")})`);
    process.exit(result.status ?? 1);
  }
};
const bin = (name) => `node_modules/.bin/${name}`;
run("biome", bin("biome"), ["check", "."]);
run("import cycles", "npm", ["run", "--silent", "check:cycles"]);
run("node-matrix setup", process.execPath, ["scripts/node-matrix/prepare.mjs"]);
run("nx suite", bin("nx"), [
  "run-many",
  "-t",
  "check-generated",
  "typecheck",
  "build",
  "test",
  "package-lint",
  "--outputStyle=stream",
]);
run("node matrix", process.execPath, ["scripts/node-matrix/test.mjs"]);
console.log(`npm test: passed; ${parts.join(", ")}`);
