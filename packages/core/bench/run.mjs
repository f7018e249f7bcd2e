#!/usr/bin/env node
// `npm run bench`: CPU per ResumeTaskFlowInstance call and calls per second for core (V3, V1), the
// official runtime (openapi-core, called as the DMS SDK calls it), pop-core and a node:http + HMAC
// floor, all against one stub in a separate process and each cell in a fresh worker process; then
// import times and installed footprints. Prints medians and ratios; nothing here is a pass/fail test.
// BENCH_PARTS=cpu,import,footprint selects parts; BENCH_REPS, BENCH_CALLS, BENCH_WARMUP,
// BENCH_IMPORT_RUNS size them.
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureFootprints } from "./footprint.mjs";
import { measureImportTimes } from "./importTime.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const PARTS = (process.env.BENCH_PARTS ?? "cpu,import,footprint").split(",");
const REPS = Number(process.env.BENCH_REPS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);
const CALLS = Number(process.env.BENCH_CALLS ?? 5000);
const KINDS = ["floor", "core-v3", "core-v1", "official", "pop-core"];
const CONCURRENCIES = [1, 32];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pad = (s, n) => String(s).padEnd(n);
const num = (x, d = 0) => x.toFixed(d);

async function startStub() {
  const child = spawn(process.execPath, [join(here, "stub.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve(JSON.parse(String(chunk)).port));
    child.once("exit", (code) => reject(new Error(`stub exited with ${code}`)));
  });
  return { child, port };
}

function runCell(kind, concurrency, port) {
  const args = [join(here, "worker.mjs"), kind, String(concurrency), String(port), String(WARMUP), String(CALLS)];
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${kind} c=${concurrency} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop());
}

async function cpu() {
  const { child, port } = await startStub();
  const cells = new Map();
  let stubStats;
  try {
    for (let rep = 1; rep <= REPS; rep++) {
      for (const concurrency of CONCURRENCIES) {
        // Interleave the clients within a repetition so drift on the machine hits them all alike.
        for (const kind of KINDS) {
          const r = runCell(kind, concurrency, port);
          if (r.failures) throw new Error(`${kind} c=${concurrency}: ${r.failures} calls did not succeed`);
          const key = `${kind}@${concurrency}`;
          if (!cells.has(key)) cells.set(key, []);
          cells.get(key).push(r);
          process.stderr.write(
            `rep ${rep} ${key}: ${r.cpuUsPerCall.toFixed(1)} us/call, ${r.callsPerSecond.toFixed(0)} calls/s\n`,
          );
        }
      }
    }
    stubStats = await (await fetch(`http://127.0.0.1:${port}/_stats`)).json();
  } finally {
    child.kill("SIGTERM");
  }
  console.log(
    `Per-call cost of ResumeTaskFlowInstance (median of ${REPS} fresh workers x ${CALLS} calls after ${WARMUP} warm-up; node ${process.version})`,
  );
  console.log(
    `stub: ${stubStats.requests} requests, ${stubStats.checked} signatures checked with openapi-core's utilities, ${stubStats.invalid} invalid\n`,
  );
  for (const concurrency of CONCURRENCIES) {
    const stat = (kind) => {
      const runs = cells.get(`${kind}@${concurrency}`);
      return {
        cpu: median(runs.map((r) => r.cpuUsPerCall)),
        rate: median(runs.map((r) => r.callsPerSecond)),
        rss: median(runs.map((r) => r.rssMiB)),
      };
    };
    const floor = stat("floor");
    const official = stat("official");
    console.log(`concurrency ${concurrency}`);
    console.log(
      `  ${pad("client", 12)}${pad("CPU us/call", 13)}${pad("x floor", 9)}${pad("x official", 12)}${pad("calls/s", 9)}${pad("x floor", 9)}RSS MiB`,
    );
    for (const kind of KINDS) {
      const s = stat(kind);
      console.log(
        `  ${pad(kind, 12)}${pad(num(s.cpu, 1), 13)}${pad(num(s.cpu / floor.cpu, 2), 9)}${pad(num(s.cpu / official.cpu, 2), 12)}` +
          `${pad(num(s.rate), 9)}${pad(num(s.rate / floor.rate, 2), 9)}${num(s.rss)}`,
      );
    }
    console.log("");
  }
}

function imports() {
  const result = measureImportTimes();
  console.log(`Import time (${result.runs} interleaved rounds; bare node -e 0 takes ${num(result.bare, 1)} ms here)`);
  console.log(`  ${pad("module", 46)}${pad("added wall ms", 15)}load ms (in process)`);
  for (const row of result.rows) console.log(`  ${pad(row.name, 46)}${pad(`+${num(row.added, 1)}`, 15)}${num(row.inside, 1)}`);
  console.log("");
}

function footprints() {
  console.log("Installed footprint (package + runtime dependencies)");
  for (const row of measureFootprints()) {
    console.log(
      `  ${pad(row.name, 50)}${pad(`${num(row.bytes / 1024)} KiB`, 12)}${pad(`${row.packages} packages`, 14)}${row.files} files`,
    );
  }
  console.log("");
}

if (PARTS.includes("cpu")) await cpu();
if (PARTS.includes("import")) imports();
if (PARTS.includes("footprint")) footprints();
console.log("Targets: core CPU <= 1.15x floor and <= 0.7x official at both concurrencies; import +25 ms; client + core < 1 MB.");
