// npm run bench:console: the console's figures. (1) A 50-node flow page in a fresh browser context:
// bytes transferred (compressed, headers included) and the time from navigation to a drawn graph.
// (2) The emulator's memory with console pages open while its engine makes ~100 state changes a
// second (BENCH_CONSOLE_SECONDS, default 180); BENCH_CONSOLE_PAGES=0 runs the same load with no page open,
// the control that tells the console's share of any growth. Figures, not assertions.
import { readFileSync } from "node:fs";
import { layeredFlow, startBundledEmulator } from "./consoleEmulator.mjs";
import { launchChromium } from "./launchChromium.mjs";

const SECONDS = Number(process.env.BENCH_CONSOLE_SECONDS ?? 180);
const PAGES = process.env.BENCH_CONSOLE_PAGES !== "0";
const LOADS = 5;
const BIG = 7050;
const LIVE = 7010;
const PARALLEL = 10;
const RUN_EVERY_MS = 200;

const seed = {
  tenants: [{ Tid: 1, name: "bench" }],
  accessKeys: [{ id: "bench-key", secret: "bench-secret", tenants: [1], activeTenant: 1 }],
  taskFlows: [
    layeredFlow(BIG, 1, "fifty_nodes", 50, 6),
    // Ten independent nodes: each run is 22 state changes (run started, 10 nodes started and ended, run ended).
    layeredFlow(LIVE, 1, "ten_parallel", PARALLEL, PARALLEL),
  ],
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;

const emulator = await startBundledEmulator(seed);
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
  const runPage = await context.newPage();
  const samples = [];
  const t0 = Date.now();
  let lastRunOpen = 0;
  while (Date.now() - t0 < SECONDS * 1000) {
    if (PAGES && Date.now() - lastRunOpen > 20_000) {
      lastRunOpen = Date.now();
      const [latest] = (await emulator.console("GET", `flows/${LIVE}`)).runs;
      if (latest) await runPage.goto(`${emulator.url}/_emulator/console#/run/${latest.Id}`);
      else lastRunOpen = 0;
    }
    const stats = await emulator.admin("GET", "stats");
    const rss = Number(readFileSync(`/proc/${emulator.pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)[1]) * 1024;
    samples.push({
      s: Math.round((Date.now() - t0) / 1000),
      rss,
      heap: stats.memory.heapUsedBytes,
      nonces: stats.noncesRemembered,
    });
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
  clearInterval(starter);
  const elapsed = (Date.now() - t0) / 1000;
  const later = samples.filter((s) => s.s >= 30);
  const firstHalf = later.slice(0, Math.floor(later.length / 2));
  const secondHalf = later.slice(Math.floor(later.length / 2));
  const avg = (xs, k) => xs.reduce((a, s) => a + s[k], 0) / Math.max(xs.length, 1);
  process.stdout.write(
    `${JSON.stringify({
      figure: PAGES ? "emulator memory with the console open under live updates" : "the same load, no console page open",
      seconds: Math.round(elapsed),
      runsStarted: started,
      failedStarts,
      stateChangesPerSecond: Math.round((started * (2 + 2 * PARALLEL)) / elapsed),
      rssMb: { first: mb(samples[0].rss), last: mb(samples.at(-1).rss), max: mb(Math.max(...samples.map((s) => s.rss))) },
      heapMb: { first: mb(samples[0].heap), last: mb(samples.at(-1).heap), max: mb(Math.max(...samples.map((s) => s.heap))) },
      rssMbAfter30sFirstHalfVsSecondHalf: [mb(avg(firstHalf, "rss")), mb(avg(secondHalf, "rss"))],
      noncesRemembered: samples.at(-1).nonces,
      samples: samples.map((s) => [s.s, mb(s.rss), mb(s.heap)]),
    })}\n`,
  );
  await keeper.close();
} finally {
  await browser.close();
  await emulator.stop();
}
