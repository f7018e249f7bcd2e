import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleRig, DEMO_KEY, STATE_TIMEOUT_MS, startConsoleRig } from "./fixtures/consoleBrowser.js";

// The console in a real Chromium (from @sparticuz/chromium, driven by playwright-core) against a real
// emulator seeded with the demo seed. The engine's clock is paused and moved by the admin API, so node
// runs finish when the test says; every wait is for a state, with a generous timeout.
const DAG = "1134137";
const [LOAD, AGGREGATE] = ["44001", "44002"];

let rig: ConsoleRig;
beforeAll(async () => {
  rig = await startConsoleRig();
}, 180_000);
afterAll(async () => {
  await rig?.close();
});

async function tryRun(): Promise<string> {
  const reply = await rig.emulator.v3("TryRunTaskFlow", { DagId: DAG }, DEMO_KEY);
  expect(reply.json.Success).toBe(true);
  return String(reply.json.InstanceId);
}

async function behaviour(nodeId: string, value: unknown): Promise<void> {
  expect((await rig.emulator.admin("PUT", `flows/${DAG}/nodes/${nodeId}/behaviour`, value)).status).toBe(200);
}

/**
 * Holds the page's next read of `url` back from it (the emulator answers it at once) until the page's
 * event stream has brought an `eventName` event whose data contains `text`: what that event tells is
 * newer than the answer the page then draws, so only the stream can show it.
 */
async function holdReadUntilStreamed(
  page: Page,
  url: RegExp,
  eventName: string,
  text: string,
): Promise<{ readSent: Promise<void> }> {
  await page.locator('#live[data-mode="stream"]').waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const streamed = new Promise<void>((resolve) => {
    cdp.on("Network.eventSourceMessageReceived", (m) => {
      if (m.eventName === eventName && m.data.includes(text)) resolve();
    });
  });
  let sent!: () => void;
  const readSent = new Promise<void>((resolve) => {
    sent = resolve;
  });
  await page.route(url, async (route) => {
    const answer = await route.fetch();
    sent();
    await streamed;
    await route.fulfill({ response: answer });
  });
  return { readSent };
}

/** Moves an open console to another page by its hash, as a click on a link would: no reload. */
async function goTo(page: Page, hash: string): Promise<void> {
  // A string, because the test files are type-checked without the DOM library.
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
}

describe(
  "the web console",
  () => {
    it("lists the tenants and flows of the seed", { timeout: 180_000 }, async () => {
      const page = await rig.open("#/");
      const row = page.locator(`tr[data-dag-id="${DAG}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain("nightly_orders_etl");
      expect(await row.textContent()).toContain("alice");
      expect(await page.locator("section.tenant").count()).toBe(2);
      await page.close();
    });

    it("draws a run's graph with every node coloured by its status and shows the failed node's message", {
      timeout: 180_000,
    }, async () => {
      await behaviour(LOAD, { durationMs: 1000 });
      await behaviour(AGGREGATE, { durationMs: 1000, failNext: { message: "disk full on /data" } });
      const id = await tryRun();
      await rig.advance(2000);
      const page = await rig.open(`#/run/${id}`);
      await page.locator(`svg.graph g[data-node-id="${LOAD}"][data-status="succeeded"]`).waitFor();
      await page.locator(`svg.graph g[data-node-id="${AGGREGATE}"][data-status="failed"]`).waitFor();
      expect(await page.locator("svg.graph path.edge").count()).toBe(1);
      expect(await page.locator(`.failed-node[data-node-id="${AGGREGATE}"]`).textContent()).toContain("disk full on /data");
      expect(await page.locator("#run-status .badge").getAttribute("data-status")).toBe("failed");
      // The trigger type by its spec name: TryRunTaskFlow starts a manual run.
      expect(await page.locator("p.facts").textContent()).toContain(" · manual · ");
      // Only the actions a failed run accepts are enabled.
      expect(await page.locator('button[data-action="rerun"]').isEnabled()).toBe(true);
      expect(await page.locator('button[data-action="resume"]').isEnabled()).toBe(false);
      await page.close();
    });

    it("resumes a suspended run with its button and follows it live to success", { timeout: 180_000 }, async () => {
      await behaviour(LOAD, { durationMs: 1000 });
      await behaviour(AGGREGATE, { durationMs: 1000, failNext: null });
      const id = await tryRun();
      const suspended = await rig.emulator.v3("SuspendTaskFlowInstance", { DagId: DAG, DagInstanceId: id }, DEMO_KEY);
      expect(suspended.json.Success).toBe(true);
      const page = await rig.open(`#/run/${id}`);
      // On the event stream, the page does not poll: what follows reaches it as runStatus and nodeStatus events.
      await page.locator('#live[data-mode="stream"]').waitFor();
      await page.locator('#run-status .badge[data-status="suspended"]').waitFor();
      await page.locator('button[data-action="resume"]:enabled').click();
      await page.locator('#run-status .badge[data-status="running"]').waitFor();
      // Time moves outside the page; the page follows without a reload.
      await rig.advance(1000);
      await page.locator(`svg.graph g[data-node-id="${LOAD}"][data-status="succeeded"]`).waitFor();
      await page.locator(`svg.graph g[data-node-id="${AGGREGATE}"][data-status="running"]`).waitFor();
      await rig.advance(1000);
      await page.locator(`svg.graph g[data-node-id="${AGGREGATE}"][data-status="succeeded"]`).waitFor();
      await page.locator('#run-status .badge[data-status="succeeded"]').waitFor();
      await page.close();
    });

    it("sets a fault rule and shows the failing requests in the live history, filtered", { timeout: 180_000 }, async () => {
      const page = await rig.open("#/faults");
      await page.locator("#no-faults").waitFor();
      await page.selectOption('select[name="action"]', "ListTaskFlow");
      await page.selectOption('select[name="outcome"]', "error503");
      await page.fill('input[name="probability"]', "1");
      await page.click('button[name="set-rule"]');
      await page.locator('tr[data-fault-action="ListTaskFlow"]').waitFor();

      const history = await rig.open("#/requests");
      await history.locator("table.requests").waitFor();
      await history.locator('#live[data-mode="stream"]').waitFor();
      expect((await rig.emulator.v3("GetUserActiveTenant", {}, DEMO_KEY)).status).toBe(200);
      const failed = await rig.emulator.v3("ListTaskFlow", { Tid: "3" }, DEMO_KEY);
      expect(failed.status).toBe(503);
      expect(failed.json.Code).toBe("ServiceUnavailable");
      await history.locator('tr[data-action="ListTaskFlow"][data-outcome="fault"]').waitFor();
      await history.selectOption('select[name="outcome"]', "fault");
      await history.locator('tr[data-action="GetUserActiveTenant"]').waitFor({ state: "detached" });
      expect(await history.locator("table.requests tbody tr").count()).toBe(1);
      await history.selectOption('select[name="outcome"]', "");
      await history.selectOption('select[name="action"]', "GetUserActiveTenant");
      await history.locator('tr[data-action="GetUserActiveTenant"][data-outcome="success"]').waitFor();

      await page.click('button[name="clear-faults"]');
      await page.locator("#no-faults").waitFor();
      expect((await rig.emulator.v3("ListTaskFlow", { Tid: "3" }, DEMO_KEY)).status).toBe(200);
      await page.close();
      await history.close();
    });

    it("shows a request answered while its first read of the history was under way", { timeout: 180_000 }, async () => {
      const page = await rig.open("#/faults");
      const released = await holdReadUntilStreamed(page, /\/api\/requests\?/, "request", '"GetTaskFlowGraph"');
      await goTo(page, "#/requests");
      await released.readSent;
      expect((await rig.emulator.v3("GetTaskFlowGraph", { DagId: DAG }, DEMO_KEY)).status).toBe(200);
      await page.locator('table.requests tr[data-action="GetTaskFlowGraph"]').waitFor();
      await page.close();
    });

    it("shows a node that ended while its first read of the run was under way", { timeout: 180_000 }, async () => {
      await behaviour(LOAD, { durationMs: 1000 });
      await behaviour(AGGREGATE, { durationMs: 1000, failNext: null });
      const id = await tryRun();
      const page = await rig.open("#/faults");
      const released = await holdReadUntilStreamed(page, new RegExp(`/api/runs/${id}$`), "nodeStatus", `"${LOAD}"`);
      await goTo(page, `#/run/${id}`);
      await released.readSent;
      await rig.advance(1000);
      await page.locator(`svg.graph g[data-node-id="${LOAD}"][data-status="succeeded"]`).waitFor();
      await page.close();
    });

    it("resets the emulator and seeds it again with its start-up seed", { timeout: 180_000 }, async () => {
      const id = await tryRun();
      const page = await rig.open("#/");
      await page.locator(`tr[data-dag-id="${DAG}"] a[href="#/run/${id}"]`).waitFor();
      await page.click('button[name="reset"]');
      expect(await page.locator('input[name="reseed"]').isChecked()).toBe(true);
      await page.click('button[name="confirm-reset"]');
      await page.locator(`tr[data-dag-id="${DAG}"] a[href="#/run/${id}"]`).waitFor({ state: "detached" });
      await page.locator(`tr[data-dag-id="${DAG}"]`).waitFor();
      const list = await rig.emulator.v3("ListTaskFlowInstance", { DagId: DAG, PageIndex: "1", PageSize: "100" }, DEMO_KEY);
      const ids = (list.json.DAGInstanceList?.DAGInstance ?? []).map((i: { Id: unknown }) => String(i.Id));
      expect(ids).not.toContain(id);
      expect(ids.length).toBeGreaterThan(0);
      await page.close();
    });
  },
  STATE_TIMEOUT_MS,
);
