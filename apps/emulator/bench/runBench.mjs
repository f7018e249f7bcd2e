// npm run bench: signed Resume/Suspend throughput of the emulator at concurrency 32, with a
// 100,000-instance seed, against peers measured in the same run (a node:http stub that checks
// nothing, and the emulator on :memory:). Prints req/s, server CPU per request, p50/p99 latency
// and the server's peak RSS. Figures, not assertions: nothing here fails on a slow machine.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { procCpuMicros, runLoad, startServer, stopServer } from "./benchProcesses.mjs";
import { bundleEmulatorBin } from "./bundleEmulatorBin.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 100_000);
const KEY = { id: "bench-key", secret: "bench-secret" };
const DAG_ID = "7001";
const FIRST_ID = 9007199254740993n; // every ID beyond 2^53, to exercise the exact int64 path
const ADMIN = "bench-admin";

const work = mkdtempSync(join(tmpdir(), "dmsflow-emulator-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

function writeSeed() {
  const path = join(work, "seed.json");
  const instances = [];
  for (let i = 0n; i < BigInt(INSTANCES); i++) {
    instances.push(`{"Id":"${FIRST_ID + i}","DagId":${DAG_ID},"status":2,"startTime":"2026-01-01 00:00:00"}`);
  }
  writeFileSync(
    path,
    `{"tenants":[{"Tid":1,"name":"bench"}],"accessKeys":[{"id":"${KEY.id}","secret":"${KEY.secret}","tenants":[1]}],` +
      `"taskFlows":[{"DagId":${DAG_ID},"Tid":1,"name":"bench_flow","versions":[1]}],"instances":[${instances.join(",")}]}`,
  );
  return path;
}

async function stats(url) {
  const res = await fetch(`${url}/_emulator/stats`, { headers: { authorization: `Bearer ${ADMIN}` } });
  return res.json();
}

async function measure(name, command, args, isEmulator) {
  const server = await startServer(command, args);
  const seededStats = isEmulator ? await stats(server.url) : undefined;
  // Server CPU is read over the whole load window (warm-up included) and divided by every request in it.
  const before = isEmulator ? seededStats : undefined;
  const procBefore = procCpuMicros(server.child.pid);
  const load = await runLoad({
    url: server.url,
    seconds: SECONDS,
    warmupMs: WARMUP_MS,
    concurrency: CONCURRENCY,
    key: KEY,
    dagId: DAG_ID,
    firstId: FIRST_ID,
    instances: INSTANCES,
  });
  const after = isEmulator ? await stats(server.url) : undefined;
  const procAfter = procCpuMicros(server.child.pid);
  let serverCpuPerRequest;
  if (before && after) {
    const cpu = after.cpu.userMicros + after.cpu.systemMicros - before.cpu.userMicros - before.cpu.systemMicros;
    serverCpuPerRequest = cpu / Math.max(1, after.requests - before.requests - 1);
  } else if (procBefore !== undefined && procAfter !== undefined) {
    const total = (load.requests * (SECONDS + WARMUP_MS / 1000)) / SECONDS; // requests over warm-up + measure
    serverCpuPerRequest = (procAfter - procBefore) / total;
  }
  await stopServer(server);
  return {
    name,
    ...load,
    serverCpuMicrosPerRequest: serverCpuPerRequest,
    rssAfterSeedMiB: seededStats && seededStats.memory.rssBytes / 2 ** 20,
    peakRssMiB: after && after.memory.peakRssBytes / 2 ** 20,
    commits: after && before ? after.commits - before.commits : undefined,
    writes: after && before ? after.writes - before.writes : undefined,
  };
}

const bin = await bundleEmulatorBin(join(work, "bin.cjs"));
const seed = writeSeed();
console.log(
  `dmsflow-emulator bench: ${INSTANCES.toLocaleString("en")} instances seeded, concurrency ${CONCURRENCY}, ` +
    `${SECONDS}s measured after ${WARMUP_MS / 1000}s warm-up, signed V3 Resume/Suspend, ${process.version}, ` +
    `${(await import("node:os")).cpus().length} CPUs\n`,
);
const results = [];
results.push(await measure("stub: node:http, checks nothing (floor)", join(here, "stubServer.mjs"), [], false));
results.push(await measure("emulator, --data :memory:", bin, ["--seed", seed, "--admin-token", ADMIN], true));
results.push(
  await measure(
    "emulator, --data file (WAL, synchronous=NORMAL, group commit)",
    bin,
    ["--data", join(work, "bench.db"), "--seed", seed, "--admin-token", ADMIN],
    true,
  ),
);

const floor = results[0].perSecond;
const fmt = (n, d = 0) =>
  n === undefined ? "n/a" : n.toLocaleString("en", { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(
  "| server | req/s | × floor | server CPU µs/req | client CPU µs/req | p50 ms | p99 ms | failures | writes/commit | RSS after seed MiB | peak RSS MiB |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  const perCommit = r.commits ? r.writes / r.commits : undefined;
  console.log(
    `| ${r.name} | ${fmt(r.perSecond)} | ${fmt(r.perSecond / floor, 2)} | ${fmt(r.serverCpuMicrosPerRequest)} | ${fmt(r.clientCpuMicrosPerRequest)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} | ${r.failures} | ${fmt(perCommit, 1)} | ${fmt(r.rssAfterSeedMiB, 1)} | ${fmt(r.peakRssMiB, 1)} |`,
  );
  if (r.failures > 0) console.log(`  failure samples: ${JSON.stringify(r.failureSamples)}`);
}
const durable = results[2];
console.log(
  `\nDurable emulator: ${fmt(durable.perSecond)} signed Resume/Suspend per second (target 3,000), ` +
    `peak RSS ${fmt(durable.peakRssMiB, 1)} MiB with ${INSTANCES.toLocaleString("en")} instances (target < 150 MB).`,
);
