import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DmsCallOptions,
  type DmsClient,
  DmsEnterprise,
  DmsLookupError,
  type DmsTransport,
  findTaskFlowByName,
  InstanceStatus,
  InstanceTriggerType,
  runTaskFlow,
} from "../src/index.js";
import { testClient } from "./fixtures/testClient.js";
import { TEST_TID, TestEmulator } from "./fixtures/testEmulator.js";

let server: TestEmulator;
let client: DmsClient;
let dms: DmsEnterprise;
beforeAll(async () => {
  server = await TestEmulator.start();
  client = testClient(server);
  dms = new DmsEnterprise(testClient(server));
});
afterAll(async () => {
  client?.destroy();
  dms?.destroy();
  await server?.close();
});

/** A flow of one node, created through the API. */
async function flowWithOneNode(name: string): Promise<string> {
  const DagId = (await dms.createTaskFlow({ DagName: name })).DagId!;
  await dms.createTask({ DagId, NodeName: "only", NodeType: "NORMAL_SQL" });
  return DagId;
}

/** The flow's manual runs, as the emulator lists them. */
async function manualRunIds(DagId: string): Promise<string[]> {
  const page = await dms.listTaskFlowInstance({ DagId, TriggerType: InstanceTriggerType.manual, PageIndex: 1, PageSize: 100 });
  return (page.DAGInstanceList?.DAGInstance ?? []).map((i) => i.Id!);
}

const lookupError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DmsLookupError);
  return error as DmsLookupError;
};

describe("findTaskFlowByName", () => {
  it("takes the exact name over names containing it, and names the near matches when none is exact", async () => {
    const orders = (await dms.createTaskFlow({ DagName: "orders" })).DagId!;
    const daily = (await dms.createTaskFlow({ DagName: "orders_daily" })).DagId!;
    await dms.createTaskFlow({ DagName: "orders_hourly" });
    expect((await findTaskFlowByName(client, "orders")).Id).toBe(orders);
    expect((await findTaskFlowByName(client, "orders_daily", { Tid: TEST_TID })).Id).toBe(daily);

    const near = await lookupError(findTaskFlowByName(client, "orders_"));
    expect(near.code).toBe("TaskFlowNotFound");
    expect(near.candidates.map((c) => c.name).sort()).toEqual(["orders_daily", "orders_hourly"]);
    expect(near.message).toContain(`"orders_daily" (${daily})`);

    const none = await lookupError(findTaskFlowByName(client, "no such flow"));
    expect(none).toMatchObject({ code: "TaskFlowNotFound", candidates: [] });
    expect(none.message).toBe(
      'No task flow in the active tenant is named "no such flow"; check the name (it is compared exactly) and the tenant.',
    );
  });

  it("refuses a name two flows carry, naming both with their IDs", async () => {
    // The emulator refuses duplicate names; a service that has them answers like this.
    server.script({
      action: "ListTaskFlowsByPage",
      body: {
        Success: true,
        TotalCount: 2,
        TaskFlowList: {
          TaskFlow: [
            { Id: 9007199254740995n, DagName: "twin" },
            { Id: 31, DagName: "twin" },
          ],
        },
      },
    });
    const twins = await lookupError(findTaskFlowByName(client, "twin"));
    expect(twins.code).toBe("TaskFlowNameAmbiguous");
    expect(twins.candidates).toEqual([
      { id: "9007199254740995", name: "twin" },
      { id: "31", name: "twin" },
    ]);
    expect(twins.message).toContain('"twin" (9007199254740995), "twin" (31)');
  });
});

describe("runTaskFlow", () => {
  it("starts a run, learns its ID from the answer in one call, and waits for its end", async () => {
    const DagId = await flowWithOneNode("run_and_wait");
    const before = server.requests.length;
    const started = await runTaskFlow(client, { DagId });
    expect(server.requests.slice(before).map((r) => r.action)).toEqual(["TryRunTaskFlow"]);
    expect(started).toEqual({ DagId, DagInstanceId: (await manualRunIds(DagId))[0], locatedBy: "answer" });

    const waited = await runTaskFlow(client, { DagId, wait: { intervalMs: 50, maxIntervalMs: 200, timeoutMs: 60_000 } });
    expect(waited.instance).toMatchObject({ Id: waited.DagInstanceId, Status: InstanceStatus.succeeded });
    expect(waited.DagInstanceId).not.toBe(started.DagInstanceId);
  });

  it("says so when the answer has no InstanceId, and finds the run by listing when asked", async () => {
    const DagId = await flowWithOneNode("run_without_id");
    server.script({ action: "TryRunTaskFlow", apply: true, body: { Success: true } });
    const missing = await lookupError(runTaskFlow(client, { DagId }));
    expect(missing).toMatchObject({ code: "RunInstanceIdMissing", option: "locate" });

    server.script({ action: "TryRunTaskFlow", apply: true, body: { Success: true } });
    const before = server.requests.length;
    const run = await runTaskFlow(client, { DagId, locate: "listing" });
    expect(server.requests.slice(before).map((r) => r.action)).toEqual([
      "ListTaskFlowInstance",
      "TryRunTaskFlow",
      "ListTaskFlowInstance",
    ]);
    const runs = await manualRunIds(DagId);
    expect(runs).toHaveLength(2);
    expect(run).toEqual({ DagId, DagInstanceId: runs[0], locatedBy: "listing" });
  });

  it("refuses to guess when another manual run started at the same time", async () => {
    const DagId = await flowWithOneNode("run_raced");
    // Someone else's run, started just before ours reaches the service.
    const racing: DmsTransport<DmsCallOptions> = {
      async send(command, input, options) {
        if (command.operation.action === "TryRunTaskFlow") await dms.tryRunTaskFlow({ DagId });
        return client.send(command, input, options);
      },
    };
    const raced = await lookupError(runTaskFlow(racing, { DagId, locate: "listing" }));
    expect(raced.code).toBe("RunInstanceAmbiguous");
    expect(raced.candidates.map((c) => c.id).sort()).toEqual((await manualRunIds(DagId)).sort());
    expect(raced.candidates).toHaveLength(2);
  });
});

describe("runTaskFlow when an answer is lost", () => {
  const tryRuns = () => server.requestsFor("TryRunTaskFlow").length;

  it("does not send TryRunTaskFlow again after an attempt that may have started a run, and finds that run by listing", async () => {
    const DagId = await flowWithOneNode("run_lost_answer");
    server.script({ action: "TryRunTaskFlow", drop: "after" });
    let sent = tryRuns();
    const run = await runTaskFlow(client, { DagId, locate: "listing" });
    expect(tryRuns() - sent).toBe(1);
    expect(await manualRunIds(DagId)).toEqual([run.DagInstanceId]);

    server.script({ action: "TryRunTaskFlow", drop: "after" });
    sent = tryRuns();
    const lost = await lookupError(runTaskFlow(client, { DagId }));
    expect(tryRuns() - sent).toBe(1);
    expect(lost).toMatchObject({ code: "RunInstanceIdMissing", option: "locate" });
    expect(lost.message).toMatch(/^TryRunTaskFlow's answer was lost \(\w+\), so a run of task flow \d+ may have started/);
    expect(await manualRunIds(DagId)).toHaveLength(2);
  });

  it("retries a throttled attempt, which started nothing", async () => {
    const DagId = await flowWithOneNode("run_throttled");
    server.script({
      action: "TryRunTaskFlow",
      status: 400,
      body: { Code: "Throttling.User", Message: "Request was denied due to user flow control." },
    });
    const sent = tryRuns();
    const run = await runTaskFlow(client, { DagId });
    expect(tryRuns() - sent).toBe(2);
    expect(await manualRunIds(DagId)).toEqual([run.DagInstanceId]);
  });
});
