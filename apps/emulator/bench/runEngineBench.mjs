// npm run bench (second part): the execution engine with 10,000 concurrent runs of 10-node flows,
// on the durable SQLite file. Everything is set up through the emulator's own surfaces: a seed
// (tenant, key, flows with their graphs), the admin behaviour endpoint (node durations), signed
// PublishAndDeployTaskFlow and signed TryRunTaskFlow (one request per run, so every run is created
// as a user's would be). Then:
//   1. scheduler CPU: the clock is paused and advanced by the admin clock endpoint one simulated
//      second at a time until every run finished; the server's CPU time (/proc) over those steps,
//      per simulated second and per node run, independent of how loaded the machine is;
//   2. signed API throughput while runs execute: a second batch of runs is started, the clock is
//      released (real speed), and the Resume/Suspend load generator of runBench.mjs runs against the
//      emulator, between two measurements of the stub floor (same generator, same answer size);
//   3. the server's peak RSS over all of it.
// Figures, not assertions: nothing here fails on a slow machine; the run is checked for honesty
// (every run and node run accounted for in the file) and the figures printed with the load average.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { procCpuMicros, runLoad, startServer, stopServer } from "./benchProcesses.mjs";
import { bundleEmulatorBin } from "./bundleEmulatorBin.mjs";
import { signedRequest } from "./signV3.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const Database = createRequire(import.meta.url)("better-sqlite3");

const RUNS = Number(process.env.BENCH_RUNS ?? 10_000);
const FLOWS = Number(process.env.BENCH_FLOWS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const LOAD_INSTANCES = Number(process.env.BENCH_INSTANCES ?? 10_000);
const NODES = 10;
/** Upstream node indexes of each of the 10 nodes: a root, four branches joined in pairs, then a tail. Longest path: 6 nodes. */
const UPSTREAM = [[], [0], [0], [0], [0], [1, 2], [3, 4], [5, 6], [7], [8]];
const KEY = { id: "bench-key", secret: "bench-secret" };
const ADMIN = "bench-admin";
// Every ID beyond 2^53, to exercise the exact int64 path.
const LOAD_DAG = 9007199254740993n;
const FIRST_LOAD_INSTANCE = 9007199254740993n;
const FIRST_DAG = 9007199254750001n;
const FIRST_NODE = 9007199254800001n;

const dagIds = Array.from({ length: FLOWS }, (_, f) => FIRST_DAG + BigInt(f));
const nodeId = (f, n) => FIRST_NODE + BigInt(f * NODES + n);
/** A node's simulated duration: 1.0 to 2.9 s, varied across nodes and flows so completions spread over time. */
const durationMs = (f, n) => 1000 + ((f * 7 + n * 13) % 20) * 100;

const work = mkdtempSync(join(tmpdir(), "dmsflow-emulator-engine-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

function writeSeed() {
  const path = join(work, "seed.json");
  const instances = [];
  for (let i = 0n; i < BigInt(LOAD_INSTANCES); i++) {
    instances.push({ Id: String(FIRST_LOAD_INSTANCE + i), DagId: String(LOAD_DAG), status: 2, startTime: "2026-01-01 00:00:00" });
  }
  const flows = dagIds.map((dagId, f) => ({
    DagId: String(dagId),
    Tid: 1,
    name: `bench_flow_${f}`,
    graph: {
      nodes: UPSTREAM.map((_, n) => ({ NodeId: String(nodeId(f, n)), NodeName: `n${n}` })),
      edges: UPSTREAM.flatMap((ups, n) => ups.map((u) => ({ NodeFrom: String(nodeId(f, u)), NodeEnd: String(nodeId(f, n)) }))),
    },
  }));
  const seed = {
    tenants: [{ Tid: 1, name: "bench" }],
    accessKeys: [{ id: KEY.id, secret: KEY.secret, tenants: [1] }],
    taskFlows: [{ DagId: String(LOAD_DAG), Tid: 1, name: "load_flow", versions: [1] }, ...flows],
    instances,
  };
  writeFileSync(path, JSON.stringify(seed));
  return path;
}

async function admin(url, method, path, body) {
  const res = await fetch(`${url}/_emulator/${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function signed(url, action, params) {
  const { path, headers } = signedRequest(new URL(url).host, KEY.id, KEY.secret, action, params);
  const res = await fetch(`${url}${path}`, { method: "POST", headers });
  const json = await res.json();
  if (json.Success !== true) throw new Error(`${action} ${JSON.stringify(params)} failed: ${JSON.stringify(json)}`);
  return json;
}

/** Runs `count` tasks through `lanes` concurrent workers. */
async function inLanes(count, lanes, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Starts RUNS runs with signed TryRunTaskFlow, round-robin over the flows; returns the figures of the burst and the run ids. */
async function startRuns(server) {
  const cpu0 = procCpuMicros(server.child.pid);
  const t0 = performance.now();
  const ids = new Array(RUNS);
  await inLanes(RUNS, CONCURRENCY, async (i) => {
    const dagId = String(dagIds[i % FLOWS]);
    ids[i] = { dagId, instanceId: (await signed(server.url, "TryRunTaskFlow", { DagId: dagId })).InstanceId };
  });
  const seconds = (performance.now() - t0) / 1000;
  return { ids, perSecond: RUNS / seconds, serverCpuMicrosPerRun: (procCpuMicros(server.child.pid) - cpu0) / RUNS };
}

/** Node runs finished in a sample of runs (one per flow), read through signed GetTaskInstanceRelation. */
async function sampledNodeProgress(url, ids) {
  const sample = ids.slice(0, FLOWS);
  let succeeded = 0;
  await inLanes(sample.length, 8, async (i) => {
    const reply = await signed(url, "GetTaskInstanceRelation", { DagId: sample[i].dagId, DagInstanceId: sample[i].instanceId });
    succeeded += reply.NodeList.Node.filter((n) => n.Status === 4).length;
  });
  return succeeded / (sample.length * NODES);
}

/** Runs of the bench flows by status, from the admin inspect endpoint (the file is locked while the server runs). */
async function runCounts(url) {
  const state = await admin(url, "GET", "inspect");
  const total = { running: 0, succeeded: 0, all: 0 };
  for (const flow of state.taskFlows) {
    if (flow.DagId === String(LOAD_DAG)) continue;
    for (const [status, n] of Object.entries(flow.instancesByStatus)) {
      total.all += n;
      if (status === "1") total.running += n;
      if (status === "4") total.succeeded += n;
    }
  }
  return total;
}

/** The server's CPU time in microseconds, from its stats endpoint (finer than /proc's 10 ms ticks). */
async function serverCpu(url) {
  const { cpu } = await admin(url, "GET", "stats");
  return cpu.userMicros + cpu.systemMicros;
}

/** Counts in the data file, read once the server stopped: every run and node run, and how often nodes ran. */
function fileCounts(path) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const row = db
    .prepare(
      `SELECT
         (SELECT count(*) FROM instances WHERE dag_id >= ?) AS runs,
         (SELECT count(*) FROM instances WHERE dag_id >= ? AND status = 4) AS succeededRuns,
         (SELECT count(*) FROM node_instances) AS nodes,
         (SELECT count(*) FROM node_instances WHERE status = 4) AS succeededNodes,
         (SELECT coalesce(sum(attempts), 0) FROM node_instances) AS attempts`,
    )
    .get(FIRST_DAG, FIRST_DAG);
  db.close();
  return row;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

async function measureLoad(url) {
  return runLoad({
    url,
    seconds: SECONDS,
    warmupMs: WARMUP_MS,
    concurrency: CONCURRENCY,
    key: KEY,
    dagId: LOAD_DAG,
    firstId: FIRST_LOAD_INSTANCE,
    instances: LOAD_INSTANCES,
  });
}

/** The floor: the stub under the same load; its CPU per request from /proc over warm-up and window. */
async function stubFloor() {
  const stub = await startServer(join(here, "stubServer.mjs"), []);
  const cpu0 = procCpuMicros(stub.child.pid);
  const result = await measureLoad(stub.url);
  const requests = (result.requests * (SECONDS + WARMUP_MS / 1000)) / SECONDS;
  const serverCpu = (procCpuMicros(stub.child.pid) - cpu0) / requests;
  await stopServer(stub);
  return { ...result, serverCpu };
}

/** The load generator against the emulator, with the emulator's CPU per request from its stats endpoint. */
async function emulatorLoad(url, beforeLoad = async () => {}) {
  const before = await admin(url, "GET", "stats");
  await beforeLoad();
  const result = await measureLoad(url);
  const after = await admin(url, "GET", "stats");
  const cpu = after.cpu.userMicros + after.cpu.systemMicros - before.cpu.userMicros - before.cpu.systemMicros;
  return { ...result, serverCpu: cpu / Math.max(1, after.requests - before.requests - 1) };
}

const fmt = (n, d = 0) =>
  n === undefined || Number.isNaN(n) ? "n/a" : n.toLocaleString("en", { maximumFractionDigits: d, minimumFractionDigits: d });

const bin = await bundleEmulatorBin(join(work, "bin.cjs"));
const dataFile = join(work, "engine.db");
const seed = writeSeed();
console.log(
  `\ndmsflow-emulator engine bench: ${fmt(RUNS)} concurrent runs of ${NODES}-node flows (${FLOWS} flows, longest path 6 nodes of 1.0-2.9 simulated s), ` +
    `durable file (WAL, synchronous=NORMAL, group commit), ${process.version}, load average ${load()}\n`,
);
// BENCH_CPU_PROF=<dir> profiles the emulator (node --cpu-prof); the figures are then not comparable.
const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const server = await startServer(bin, ["--data", dataFile, "--seed", seed, "--admin-token", ADMIN, "--quiet"], profile);

// Set-up: a paused clock, so nothing moves until measured; node durations; one published version per flow.
await admin(server.url, "POST", "clock", { paused: true });
await inLanes(FLOWS * NODES, 16, (i) =>
  admin(server.url, "PUT", `flows/${dagIds[Math.floor(i / NODES)]}/nodes/${nodeId(Math.floor(i / NODES), i % NODES)}/behaviour`, {
    durationMs: durationMs(Math.floor(i / NODES), i % NODES),
  }),
);
await inLanes(FLOWS, 8, (f) => signed(server.url, "PublishAndDeployTaskFlow", { DagId: String(dagIds[f]) }));

// 1. Scheduler CPU per simulated second, on the paused clock advanced one second at a time. Only the
// clock request is inside the measured window: the counts between steps are read outside it.
const burst1 = await startRuns(server);
const started1 = await runCounts(server.url);
console.log(
  `set-up: ${fmt(RUNS)} signed TryRunTaskFlow at ${fmt(burst1.perSecond)} runs/s (server CPU ${fmt(burst1.serverCpuMicrosPerRun)} µs/run, ` +
    `${NODES} node rows each), ${fmt(started1.running)} runs running; load average ${load()}`,
);
let schedulerCpu = 0;
let schedulerWall = 0;
let peakStepCpu = 0;
let steps = 0;
for (let live = started1.running; live > 0 && steps < 120; steps++) {
  const cpu0 = await serverCpu(server.url);
  const wall0 = performance.now();
  await admin(server.url, "POST", "clock", { advanceMs: 1000 });
  schedulerWall += performance.now() - wall0;
  const stepCpu = (await serverCpu(server.url)) - cpu0;
  schedulerCpu += stepCpu;
  peakStepCpu = Math.max(peakStepCpu, stepCpu);
  live = (await runCounts(server.url)).running;
}
const finished1 = await runCounts(server.url);
const nodeRuns1 = finished1.succeeded * NODES;
const cpuPerSimSecondMs = schedulerCpu / 1000 / steps;
console.log(
  `scheduler: ${steps} simulated seconds to finish ${fmt(finished1.succeeded)} of ${fmt(RUNS)} runs (${fmt(nodeRuns1)} node runs); ` +
    `server CPU ${fmt(cpuPerSimSecondMs, 1)} ms per simulated second (busiest second ${fmt(peakStepCpu / 1000, 1)} ms), ` +
    `${fmt(schedulerCpu / nodeRuns1, 1)} µs per node run (start + finish); ${fmt(schedulerWall / 1000, 1)} s wall in the steps; load average ${load()}`,
);

// 2. Signed API throughput while a second batch of runs executes in real time, between two stub
// floors; and, for reference, the same emulator with no run executing (the clock still paused).
const floorBefore = await stubFloor();
const idle = await emulatorLoad(server.url);
const burst2 = await startRuns(server);
const started2 = await runCounts(server.url);
const emulator = await emulatorLoad(server.url, () => admin(server.url, "POST", "clock", { paused: false, speed: 1 }));
const during = await runCounts(server.url);
const progress = await sampledNodeProgress(server.url, burst2.ids);
const loadDuring = load();
const floorAfter = await stubFloor();

// Let the second batch finish, then check the file: every run and node run is there, none ran twice.
await admin(server.url, "POST", "clock", { advanceMs: 60_000 });
const finalStats = await admin(server.url, "GET", "stats");
await stopServer(server);
const end = fileCounts(dataFile);

const floor = (floorBefore.perSecond + floorAfter.perSecond) / 2;
console.log("\n| server | req/s | × floor | server CPU µs/req | client CPU µs/req | p50 ms | p99 ms | failures |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
const row = (name, r, cpu) =>
  console.log(
    `| ${name} | ${fmt(r.perSecond)} | ${fmt(r.perSecond / floor, 2)} | ${fmt(cpu)} | ${fmt(r.clientCpuMicrosPerRequest)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} | ${r.failures} |`,
  );
row("stub: node:http, checks nothing (floor, before)", floorBefore, floorBefore.serverCpu);
row("emulator, durable file, no run executing", idle, idle.serverCpu);
row(`emulator, durable file, ${fmt(started2.running)} runs executing`, emulator, emulator.serverCpu);
row("stub: node:http, checks nothing (floor, after)", floorAfter, floorAfter.serverCpu);
if (emulator.failures > 0) console.log(`  failure samples: ${JSON.stringify(emulator.failureSamples)}`);

const totalRuns = 2 * RUNS;
// A load-independent projection from CPU time: one core, less what the engine needs per real second
// at speed 1 (its CPU per simulated second), divided by the API's CPU per request with no run executing.
const projected = (1e6 - schedulerCpu / steps) / idle.serverCpu;
console.log(
  `\nWhile the API was measured (${SECONDS + WARMUP_MS / 1000} s, load average ${loadDuring}): ${fmt(started2.running)} runs running at the start, ` +
    `${fmt(during.succeeded - started2.succeeded)} finished meanwhile, ${fmt(during.running)} still running, ` +
    `${fmt(progress * 100)}% of the node runs of a ${FLOWS}-run sample finished right after; server CPU per request includes the engine's work. ` +
    `Second batch set up at ${fmt(burst2.perSecond)} TryRunTaskFlow/s.` +
    `\nIn the file: ${fmt(end.runs)} runs (${fmt(totalRuns)} started), ${fmt(end.succeededRuns)} succeeded; ` +
    `${fmt(end.nodes)} node runs (${fmt(totalRuns * NODES)} expected), ${fmt(end.succeededNodes)} succeeded, ${fmt(end.attempts - end.nodes)} run twice.` +
    `\nProjected from CPU time: one free core serves ${fmt(projected)} signed req/s while ${fmt(RUNS)} runs execute at speed 1 ` +
    `((1 s - ${fmt(cpuPerSimSecondMs, 1)} ms engine) / ${fmt(idle.serverCpu)} µs per request; the stub needs ${fmt((floorBefore.serverCpu + floorAfter.serverCpu) / 2)} µs).` +
    `\nEngine: ${fmt(cpuPerSimSecondMs, 1)} ms server CPU per simulated second with ${fmt(RUNS)} runs live; ` +
    `signed API ${fmt(emulator.perSecond)} req/s while they execute (target 3,000), ${fmt(emulator.perSecond / floor, 2)} × the stub floor ` +
    `(${fmt(floor)} req/s); peak RSS ${fmt(finalStats.memory.peakRssBytes / 2 ** 20, 1)} MiB (target < 300 MB); load average ${load()}.`,
);
