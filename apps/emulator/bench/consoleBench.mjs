// npm run bench:console: the console's figures. (1) A 50-node flow page in a fresh browser context:
// bytes transferred (compressed, headers included) and the time from navigation to a drawn graph.
// (2) The emulator's memory with console pages open while its engine makes 100 state changes a second
// for BENCH_CONSOLE_SECONDS (default 600; set it lower for a quick check): RSS (split into malloc's
// arena, other anonymous memory and mapped files), V8's heap and the data file every 10 s, and the
// slopes (MB/min) of the first half against the second. BENCH_CONSOLE_PAGES=0 runs the same load with
// no page open, the control that tells the console's share of any growth; BENCH_CONSOLE_HEAP_SNAPSHOTS=<dir>
// saves two heap snapshots of the emulator (after a minute and at the end) to compare what is retained.
// Figures, not assertions.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { layeredFlow, startBundledEmulator } from "./consoleEmulator.mjs";
import { launchChromium } from "./launchChromium.mjs";

const SECONDS = Number(process.env.BENCH_CONSOLE_SECONDS ?? 600);
const PAGES = process.env.BENCH_CONSOLE_PAGES !== "0";
/** A directory for two heap snapshots of the emulator (after 1 minute and at the end), when set. */
const SNAPSHOTS = process.env.BENCH_CONSOLE_HEAP_SNAPSHOTS;
const SAMPLE_EVERY_MS = 10_000;
const t0Global = Date.now();
const LOADS = 5;
const BIG = 7050;
const LIVE = 7010;
const PARALLEL = 10;
// 22 state changes a run, one run every 220 ms: 100 state changes a second.
const RUN_EVERY_MS = 220;

const seed = {
  tenants: [{ Tid: 1, name: "bench" }],
  accessKeys: [{ id: "bench-key", secret: "bench-secret", tenants: [1], activeTenant: 1 }],
  taskFlows: [
    layeredFlow(BIG, 1, "fifty_nodes", 50, 6),
    // Ten independent nodes: each run is 22 state changes (run started, 10 nodes started and ended, run ended).
    layeredFlow(LIVE, 1, "ten_parallel", PARALLEL, PARALLEL),
  ],
};

/** The least-squares slope of `key` over the samples' times, in MB per minute. */
function slopeMbPerMin(xs, key) {
  if (xs.length < 2) return null;
  const mx = xs.reduce((a, x) => a + x.s, 0) / xs.length;
  const my = xs.reduce((a, x) => a + x[key], 0) / xs.length;
  let num = 0;
  let den = 0;
  for (const x of xs) {
    num += (x.s - mx) * (x[key] - my);
    den += (x.s - mx) ** 2;
  }
  return Math.round(((num / den) * 60) / 10485.76) / 100;
}

/**
 * The process's resident memory by kind of mapping, from /proc/<pid>/smaps: `brk` is malloc's main
 * arena (SQLite's page cache, the addon's and Node's native allocations), `anon` other anonymous
 * mappings (V8's heap pages, thread arenas, large malloc blocks), `mapped` mapped files (code).
 */
function residentByKind(pid) {
  const out = { brk: 0, anon: 0, mapped: 0 };
  let kind = "anon";
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const header = line.match(/^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/);
    if (header) kind = header[1] === "[heap]" ? "brk" : header[1].startsWith("/") ? "mapped" : "anon";
    else if (line.startsWith("Rss:")) out[kind] += Number(line.split(/\s+/)[1]) * 1024;
  }
  return out;
}

/** Has the emulator write a heap snapshot (it collects garbage first), copies it out, and returns the heap used after. */
async function heapSnapshot(emulator) {
  const s = Math.round((Date.now() - t0Global) / 1000);
  const before = new Set(readdirSync(emulator.work));
  process.kill(emulator.pid, "SIGUSR2");
  // The snapshot is written on the emulator's main thread: the next answer comes after it.
  let name;
  while (!name) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    name = readdirSync(emulator.work).find((f) => f.endsWith(".heapsnapshot") && !before.has(f));
  }
  const stats = await emulator.admin("GET", "stats");
  mkdirSync(SNAPSHOTS, { recursive: true });
  const file = join(SNAPSHOTS, `emulator-${s}s.heapsnapshot`);
  copyFileSync(join(emulator.work, name), file);
  return { s, heapUsed: stats.memory.heapUsedBytes, file };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;

const emulator = await startBundledEmulator(seed, {
  nodeArgs: SNAPSHOTS ? ["--heapsnapshot-signal=SIGUSR2"] : [],
});
const browser = await launchChromium();
// Chromium runs --single-process here: one browser context serves everything (a second one does not
// run scripts, and closing the last page ends the browser), so pages open in it with the cache off.
const context = await browser.newContext();
await context.addCookies([await emulator.consoleCookie()]);
const keeper = await context.newPage();
try {
  // (1) First paint of a 50-node graph, cold cache each time.
  const loads = [];
  for (let i = 0; i < LOADS; i++) {
    // A new page with the browser cache emptied and off: every byte comes over the wire.
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    await cdp.send("Network.enable");
    await cdp.send("Network.clearBrowserCache");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    // Bytes on the wire (compressed bodies and headers) of the page and everything it fetched.
    let transferred = 0;
    cdp.on("Network.loadingFinished", (e) => {
      transferred += e.encodedDataLength;
    });
    await p.goto(`${emulator.url}/_emulator/console#/flow/${BIG}`);
    await p
      .waitForFunction(() => document.body.dataset.graphDrawnMs !== undefined, null, { timeout: 60_000 })
      .catch(async (error) => {
        throw new Error(`no graph drawn: ${(await p.textContent("main")) ?? ""}`, { cause: error });
      });
    const figures = await p.evaluate(() => ({
      drawnMs: Number(document.body.dataset.graphDrawnMs),
      layoutMs: performance.getEntriesByName("layout").at(-1)?.duration ?? null,
      nodes: document.querySelectorAll("svg.graph g.node").length,
    }));
    loads.push({ ...figures, transferred });
    await cdp.detach();
    await p.close();
  }
  process.stdout.write(
    `${JSON.stringify({
      figure: "50-node flow page, cold cache",
      nodes: loads[0].nodes,
      transferredBytes: median(loads.map((l) => l.transferred)),
      drawnMsMedian: Math.round(median(loads.map((l) => l.drawnMs))),
      drawnMsAll: loads.map((l) => Math.round(l.drawnMs)),
      layoutMsMedian: Math.round(median(loads.map((l) => l.layoutMs ?? 0)) * 10) / 10,
    })}\n`,
  );

  // (2) Live updates: console pages open, runs started by signed requests, memory sampled.
  if (SECONDS <= 0) process.exit(0);
  const pages = [];
  for (const hash of PAGES ? ["#/", `#/flow/${LIVE}`, "#/requests"] : []) {
    const page = await context.newPage();
    await page.goto(`${emulator.url}/_emulator/console${hash}`);
    pages.push(page);
  }
  const nodeIds = seed.taskFlows[1].graph.nodes.map((n) => n.NodeId);
  for (const nodeId of nodeIds) await emulator.admin("PUT", `flows/${LIVE}/nodes/${nodeId}/behaviour`, { durationMs: 150 });
  let started = 0;
  let failedStarts = 0;
  const starter = setInterval(() => {
    emulator.signed("TryRunTaskFlow", { DagId: String(LIVE) }).then(
      (r) => (r.status === 200 && r.json?.Success ? started++ : failedStarts++),
      () => failedStarts++,
    );
  }, RUN_EVERY_MS);
  // A run page of a live run, re-opened every 20 s (its graph redrawn with every change).
  const runPage = PAGES ? await context.newPage() : undefined;
  const samples = [];
  const snapshots = [];
  const t0 = Date.now();
  let lastRunOpen = 0;
  while (Date.now() - t0 < SECONDS * 1000) {
    if (runPage && Date.now() - lastRunOpen > 20_000) {
      lastRunOpen = Date.now();
      const [latest] = (await emulator.console("GET", `flows/${LIVE}`)).runs;
      if (latest) await runPage.goto(`${emulator.url}/_emulator/console#/run/${latest.Id}`);
      else lastRunOpen = 0;
    }
    const s = Math.round((Date.now() - t0) / 1000);
    // A heap snapshot (a full GC first) after the first minute and at the end: what is retained.
    if (SNAPSHOTS && (snapshots.length === 0 ? s >= 60 : s >= SECONDS - 10 && snapshots.length === 1)) {
      snapshots.push(await heapSnapshot(emulator));
    }
    const stats = await emulator.admin("GET", "stats");
    const resident = residentByKind(emulator.pid);
    samples.push({
      s,
      rss: resident.brk + resident.anon + resident.mapped,
      ...resident,
      heap: stats.memory.heapUsedBytes,
      heapTotal: stats.memory.heapTotalBytes,
      external: stats.memory.externalBytes,
      file: stats.sqlite.fileBytes,
      wal: stats.sqlite.walBytes,
      nonces: stats.noncesRemembered,
      liveRuns: stats.liveRuns,
    });
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
  }
  clearInterval(starter);
  const elapsed = (Date.now() - t0) / 1000;
  const last = samples.at(-1);
  const half = Math.floor(samples.length / 2);
  const slopes = (key) => [slopeMbPerMin(samples.slice(0, half), key), slopeMbPerMin(samples.slice(half), key)];
  process.stdout.write(
    `${JSON.stringify({
      figure: PAGES ? "emulator memory with the console open under live updates" : "the same load, no console page open",
      seconds: Math.round(elapsed),
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      runsStarted: started,
      failedStarts,
      stateChangesPerSecond: Math.round((started * (2 + 2 * PARALLEL)) / elapsed),
      rssMb: { first: mb(samples[0].rss), last: mb(last.rss), max: mb(Math.max(...samples.map((x) => x.rss))) },
      heapUsedMb: { first: mb(samples[0].heap), last: mb(last.heap), max: mb(Math.max(...samples.map((x) => x.heap))) },
      slopeMbPerMinFirstHalfVsSecondHalf: {
        rss: slopes("rss"),
        heapUsed: slopes("heap"),
        mallocArena: slopes("brk"),
        otherAnonymous: slopes("anon"),
        external: slopes("external"),
      },
      sqliteFileMb: mb(last.file),
      walMb: mb(last.wal),
      noncesRemembered: last.nonces,
      liveRuns: last.liveRuns,
      heapAfterGcMb: snapshots.map((x) => ({ s: x.s, heapUsed: mb(x.heapUsed), file: x.file })),
      // [s, RSS, heapUsed, heapTotal, malloc arena, other anonymous, data file] in MB
      samples: samples.map((x) => [x.s, mb(x.rss), mb(x.heap), mb(x.heapTotal), mb(x.brk), mb(x.anon), mb(x.file)]),
    })}\n`,
  );
  await keeper.close();
} finally {
  await browser.close();
  await emulator.stop();
}
