#!/usr/bin/env node
// The Node matrix step of `npm test`: the tests of what users run (client, core, the CLI against the
// emulator, the emulator with its SQLite file) on each pinned Node besides the machine's, which the full
// suite has just covered. Each runtime runs vitest itself, so test workers and every child they spawn
// (process.execPath, and `node`/`npx` through PATH) are that Node; the emulator loads the better-sqlite3
// addon built for its ABI. Expects built packages (npm test builds them first). A missing runtime fails.
import { spawnSync } from "node:child_process";
import { delimiter, dirname, join } from "node:path";
import { matrixRuntimes, probeNode, ROOT } from "./runtimes.mjs";
import { ensureSqliteAddons } from "./sqliteAddon.mjs";

/** The vitest projects whose behaviour depends on the runtime (codegen and release tooling do not ship). */
export const MATRIX_PROJECTS = ["@dmsflow/client", "@dmsflow/core", "@dmsflow/emulator", "@dmsflow/cli"];

const runtimes = matrixRuntimes();
const addons = await ensureSqliteAddons(runtimes);
const machine = probeNode(process.execPath);
console.log(
  `node-matrix: full suite ran on the machine's Node ${machine.version}; now ${MATRIX_PROJECTS.join(", ")} on ${runtimes.map((r) => r.label).join(" and ")}`,
);

const vitest = join(ROOT, "node_modules/vitest/vitest.mjs");
const timings = [];
for (const runtime of runtimes) {
  console.log(`\nnode-matrix: ${runtime.label} (${runtime.node})`);
  const t0 = performance.now();
  const result = spawnSync(runtime.node, [vitest, "run", ...MATRIX_PROJECTS.flatMap((p) => ["--project", p])], {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      PATH: `${dirname(runtime.node)}${delimiter}${process.env.PATH}`,
      DMSFLOW_EMULATOR_SQLITE_ADDON: addons.get(runtime.alias),
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  timings.push(`${runtime.label} ${seconds.toFixed(0)} s`);
  if (result.status !== 0) {
    console.error(`node-matrix: the tests failed on ${runtime.label} (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}
console.log(`\nnode-matrix: passed on ${machine.version} (full suite), ${timings.join(", ")}`);
