// npm run screenshot: regenerates docs/console.png, the README's picture of the console: a run of a
// nine-node flow on the demo seed where one node failed, one still runs and two never started.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startBundledEmulator } from "./consoleEmulator.mjs";
import { launchChromium } from "./launchChromium.mjs";

const appRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const output = process.argv[2] ?? join(appRoot, "docs", "console.png");
const DAG = 1134150;
const names = [
  "extract_orders",
  "extract_customers",
  "clean_orders",
  "dedupe_customers",
  "merge_into_fact",
  "extract_inventory",
  "snapshot_inventory",
  "refresh_dashboards",
  "notify_team",
];
const id = (name) => DAG * 100 + names.indexOf(name) + 1;
const edges = [
  ["extract_orders", "clean_orders"],
  ["extract_customers", "dedupe_customers"],
  ["clean_orders", "merge_into_fact"],
  ["dedupe_customers", "merge_into_fact"],
  ["extract_inventory", "snapshot_inventory"],
  ["merge_into_fact", "refresh_dashboards"],
  ["snapshot_inventory", "refresh_dashboards"],
  ["refresh_dashboards", "notify_team"],
];

const seed = JSON.parse(readFileSync(join(appRoot, "seeds", "demo.json"), "utf8"));
seed.taskFlows.push({
  DagId: DAG,
  Tid: 3,
  name: "daily_sales_pipeline",
  owner: "carol",
  graph: {
    nodes: names.map((n) => ({ NodeId: id(n), NodeName: n })),
    edges: edges.map(([from, to]) => ({ NodeFrom: id(from), NodeEnd: id(to) })),
  },
});

const emulator = await startBundledEmulator(seed);
const browser = await launchChromium();
try {
  await emulator.admin("POST", "clock", { paused: true });
  for (const name of names) {
    await emulator.admin("PUT", `flows/${DAG}/nodes/${id(name)}/behaviour`, {
      durationMs: name === "snapshot_inventory" ? 600_000 : 60_000,
    });
  }
  await emulator.admin("PUT", `flows/${DAG}/nodes/${id("merge_into_fact")}/behaviour`, {
    failNext: { message: "Duplicate entry '2026-11-30-1042' for key 'PRIMARY' (errno 1062)" },
  });
  const { InstanceId } = await emulator.console("POST", `flows/${DAG}/tryRun`);
  for (let i = 0; i < 3; i++) await emulator.admin("POST", "clock", { advanceMs: 60_000 });
  const page = await browser.newPage({ viewport: { width: 1360, height: 820 }, deviceScaleFactor: 1 });
  await page.goto(`${emulator.url}/_emulator/console?token=${emulator.adminToken}`);
  await page.goto(`${emulator.url}/_emulator/console#/run/${InstanceId}`);
  await page.locator(`svg.graph g[data-node-id="${id("merge_into_fact")}"][data-status="failed"]`).waitFor({ timeout: 60_000 });
  await page
    .locator(`svg.graph g[data-node-id="${id("snapshot_inventory")}"][data-status="running"]`)
    .waitFor({ timeout: 60_000 });
  // The running node's border marches; stop it so the picture does not depend on the frame.
  await page.addStyleTag({ content: "svg.graph .node rect { animation: none !important; }" }).catch(() => {});
  await page.screenshot({ path: output, fullPage: false });
  process.stdout.write(`${JSON.stringify({ screenshot: output, run: InstanceId })}\n`);
} finally {
  await browser.close();
  await emulator.stop();
}
