#!/usr/bin/env node
// The Node matrix step of `npm test`: the tests of what users run (client, core and the CLI against the
// emulator, the emulator with its SQLite file) on each pinned Node besides the machine's, whose full
// suite runs in the nx step. Each runtime runs vitest itself, so test workers and every child they spawn
// (process.execPath, and `node`/`npx` through PATH) are that Node; the emulator loads the better-sqlite3
// addon built for its ABI, also where core's tests start it inside their own test workers (they read the
// same variable). The runtimes run side by side (vitest keeps one test worker on 2 cores, and most
// tests wait on child processes); each line of output is prefixed with its Node. Expects built
// packages (`npm test` and `npm run test:node-matrix` build first). A missing runtime fails.
import { spawn } from "node:child_process";
import { delimiter, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { matrixRuntimes, probeNode, ROOT } from "./runtimes.mjs";
import { ensureSqliteAddons } from "./sqliteAddon.mjs";

/** The vitest projects whose behaviour depends on the runtime (codegen and release tooling do not ship). */
export const MATRIX_PROJECTS = ["@dmsflow/client", "@dmsflow/core", "@dmsflow/emulator", "@dmsflow/cli"];

const runtimes = matrixRuntimes();
const addons = await ensureSqliteAddons(runtimes);
const machine = probeNode(process.execPath);
console.log(
  `node-matrix: ${MATRIX_PROJECTS.join(", ")} on ${runtimes.map((r) => r.label).join(" and ")} (the machine's Node ${machine.version} runs the full suite)`,
);

const vitest = join(ROOT, "node_modules/vitest/vitest.mjs");
function runOn(runtime) {
  const t0 = performance.now();
  const child = spawn(runtime.node, [vitest, "run", ...MATRIX_PROJECTS.flatMap((p) => ["--project", p])], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PATH: `${dirname(runtime.node)}${delimiter}${process.env.PATH}`,
      DMSFLOW_EMULATOR_SQLITE_ADDON: addons.get(runtime.alias),
    },
  });
  const prefix = `[node ${runtime.version}] `;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => console.log(prefix + line));
  }
  return new Promise((resolve) => {
    child.on("close", (code, signal) => resolve({ runtime, code, signal, seconds: (performance.now() - t0) / 1000 }));
  });
}

const results = await Promise.all(runtimes.map(runOn));
const summary = results.map((r) => `${r.runtime.label} ${r.code === 0 ? "passed" : "FAILED"} in ${r.seconds.toFixed(0)} s`);
console.log(`\nnode-matrix: ${summary.join(", ")}`);
if (results.some((r) => r.code !== 0)) process.exit(1);
