#!/usr/bin/env node
// `npm run bench:node-matrix`: the machine's Node and the test matrix's Node 22 and 24 side by side in
// one run. CPU per ResumeTaskFlowInstance call (core with the V3 and V1 signers, and the node:http +
// HMAC floor, each cell a fresh worker on that Node against one stub) and the wall time loading
// @dmsflow/core adds to a bare `node -e 0`. Nodes interleave within each round so drift on the machine
// hits them alike. BENCH_REPS, BENCH_CALLS, BENCH_WARMUP, BENCH_IMPORT_RUNS size it.
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { matrixRuntimes } from "../../../scripts/node-matrix/runtimes.mjs";
import { loaders, median, run } from "./importTime.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const REPS = Number(process.env.BENCH_REPS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);
const CALLS = Number(process.env.BENCH_CALLS ?? 5000);
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 20);
const KINDS = ["floor", "core-v3", "core-v1"];
const CONCURRENCIES = [1, 32];

const version = (node) => spawnSync(node, ["-p", "process.version"], { encoding: "utf8" }).stdout.trim();
const nodes = [{ node: process.execPath }, ...matrixRuntimes().map((r) => ({ node: r.node }))].map((n) => ({
  ...n,
  version: version(n.node),
}));
const pad = (s, n) => String(s).padEnd(n);

async function startStub() {
  const child = spawn(process.execPath, [join(here, "stub.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve(JSON.parse(String(chunk)).port));
    child.once("exit", (code) => reject(new Error(`stub exited with ${code}`)));
  });
  return { child, port };
}

function cell(node, kind, concurrency, port) {
  const args = [join(here, "worker.mjs"), kind, String(concurrency), String(port), String(WARMUP), String(CALLS)];
  const result = spawnSync(node, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${kind} c=${concurrency} on ${node} failed: ${result.stderr}`);
  const r = JSON.parse(result.stdout.trim().split("\n").pop());
  if (r.failures) throw new Error(`${kind} c=${concurrency} on ${node}: ${r.failures} calls did not succeed`);
  return r.cpuUsPerCall;
}

function row(label, values, digits) {
  const base = values[0];
  const cells = values.map((v, i) =>
    pad(`${v.toFixed(digits)}${i && base > 0 && v > 0 ? ` (${(v / base).toFixed(2)}x)` : ""}`, 18),
  );
  console.log(`  ${pad(label, 34)}${cells.join("")}`);
}

const header = () => console.log(`  ${pad("", 34)}${nodes.map((n) => pad(n.version, 18)).join("")}`);

const cpu = new Map();
const { child, port } = await startStub();
try {
  for (let rep = 1; rep <= REPS; rep++) {
    for (const concurrency of CONCURRENCIES) {
      for (const kind of KINDS) {
        for (const n of nodes) {
          const key = `${kind}@${concurrency}@${n.version}`;
          if (!cpu.has(key)) cpu.set(key, []);
          cpu.get(key).push(cell(n.node, kind, concurrency, port));
        }
      }
    }
    process.stderr.write(`round ${rep}/${REPS} of CPU cells done\n`);
  }
} finally {
  child.kill("SIGTERM");
}

const candidates = [
  { name: "@dmsflow/core (require)", args: loaders("@dmsflow/core").cjs },
  { name: "@dmsflow/core (import)", args: loaders("@dmsflow/core").esm },
];
const added = new Map();
const bare = new Map();
for (let round = 0; round < IMPORT_RUNS + 2; round++) {
  for (const c of candidates) {
    for (const n of nodes) {
      const base = run(["-e", "0"], here, n.node).wall;
      const { wall } = run(c.args, here, n.node);
      if (round < 2) continue; // warm the file cache first
      const key = `${c.name}@${n.version}`;
      if (!added.has(key)) added.set(key, []);
      added.get(key).push(wall - base);
      if (!bare.has(n.version)) bare.set(n.version, []);
      bare.get(n.version).push(base);
    }
  }
}

console.log(
  `CPU us per ResumeTaskFlowInstance call (median of ${REPS} fresh workers x ${CALLS} calls after ${WARMUP} warm-up; x first column)`,
);
header();
for (const concurrency of CONCURRENCIES) {
  for (const kind of KINDS) {
    row(
      `${kind}, concurrency ${concurrency}`,
      nodes.map((n) => median(cpu.get(`${kind}@${concurrency}@${n.version}`))),
      1,
    );
  }
}
console.log(`\nImport time: wall ms added over bare \`node -e 0\` (median of ${IMPORT_RUNS} interleaved rounds)`);
header();
for (const c of candidates)
  row(
    c.name,
    nodes.map((n) => median(added.get(`${c.name}@${n.version}`))),
    1,
  );
row(
  "bare node -e 0 (absolute)",
  nodes.map((n) => median(bare.get(n.version))),
  1,
);
