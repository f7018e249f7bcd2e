import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { definitionClient } from "./fixtures/definitionClient.js";
import { DEMO_SEED, tempDir } from "./fixtures/emulatorProcess.js";
import { expectSuccess } from "./fixtures/expectations.js";
import { sendRequest } from "./fixtures/sendRequest.js";
import { ADMIN_TOKEN, startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { BIG_INSTANCE, FLOW, KEYS } from "./fixtures/testSeed.js";

const started: TestEmulator[] = [];
afterEach(async () => {
  for (const e of started.splice(0)) await e.close();
});
async function start(options: Parameters<typeof startTestEmulator>[0] = {}) {
  const e = await startTestEmulator(options);
  started.push(e);
  return e;
}
const instanceCount = async (e: TestEmulator) =>
  Object.values((await e.admin("GET", "inspect")).json.instancesByStatus as Record<string, number>).reduce((a, b) => a + b, 0);

describe("POST /_emulator/reset", () => {
  it("keeps access keys and tenants by default: the same key works afterwards, on an empty tenant", async () => {
    const e = await start();
    expect((await e.admin("POST", "reset")).json).toEqual({ reset: true, keptKeys: true });
    const inspect = (await e.admin("GET", "inspect")).json;
    expect(inspect.accessKeys.map((k: { id: string }) => k.id)).toContain(KEYS.a.id);
    expect(inspect.tenants.length).toBeGreaterThan(0);
    expect(inspect.taskFlows).toEqual([]);
    expect(inspect.instancesByStatus).toEqual({});
    expectSuccess(await e.v3("ListTaskFlow"));
  });

  it("reseed=true applies the start-up seed again in the same step, undoing changes since", async () => {
    const e = await start();
    const seededCount = await instanceCount(e);
    expectSuccess(await e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: BIG_INSTANCE }));
    await e.admin("POST", "seed", { instances: [{ Id: 77, DagId: FLOW, status: 1 }] });
    const reply = await e.admin("POST", "reset?reseed=true");
    expect(reply.json).toMatchObject({ reset: true, keptKeys: true, seeded: { instances: seededCount } });
    expect(await instanceCount(e)).toBe(seededCount);
    expect((await e.admin("GET", `inspect/instances/${BIG_INSTANCE}`)).json.status).toBe(2);
  });

  it("reseed=true with keepKeys=false removes keys the seed does not have", async () => {
    const e = await start();
    await e.admin("POST", "seed", { accessKeys: [{ id: "extra", secret: "s", tenants: [3] }] });
    await e.admin("POST", "reset?reseed=true&keepKeys=false");
    const ids = (await e.admin("GET", "inspect")).json.accessKeys.map((k: { id: string }) => k.id);
    expect(ids).not.toContain("extra");
    expect(ids).toContain(KEYS.a.id);
  });

  it("refuses reseed=true without a start-up seed, a bad flag and an unknown parameter, changing nothing", async () => {
    const bare = await startEmulator({ adminToken: ADMIN_TOKEN });
    try {
      const reply = await sendRequest(bare.url, {
        method: "POST",
        path: "/_emulator/reset?reseed=true",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(reply.status).toBe(400);
      expect(reply.json).toMatchObject({ Code: "NoStartupSeed" });
      expect(reply.json.Message).toContain("--seed");
    } finally {
      await bare.close();
    }
    const e = await start();
    const before = await instanceCount(e);
    expect((await e.admin("POST", "reset?reseed=yes")).json).toMatchObject({
      Code: "InvalidQuery",
      Message: 'reseed must be true or false; got "yes".',
    });
    expect((await e.admin("POST", "reset?keep_keys=false")).json.Message).toBe(
      'POST /_emulator/reset has no parameter "keep_keys"; it takes: reseed, keepKeys.',
    );
    expect(await instanceCount(e)).toBe(before);
  });
});

describe("GET /_emulator/state?format=seed", () => {
  it("exports a seed that recreates the same state, int64 exact, without keys unless asked", async () => {
    const e = await start();
    expectSuccess(await e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: BIG_INSTANCE }));
    const exported = await e.admin("GET", "state?format=seed");
    expect(exported.status).toBe(200);
    expect(exported.json.accessKeys).toBeUndefined();
    expect(exported.text).not.toContain(KEYS.a.secret);
    expect(exported.text).toContain(`"Id":"${BIG_INSTANCE}"`);
    const withKeys = await e.admin("GET", "state?format=seed&includeKeys=true");
    expect(withKeys.json.accessKeys.map((k: { id: string }) => k.id)).toContain(KEYS.a.id);

    // Applied to a fresh emulator, the export gives the same export and the same inspection.
    const copy = await start({ seed: JSON.parse(withKeys.text) });
    expect((await copy.admin("GET", "state?format=seed&includeKeys=true")).text).toBe(withKeys.text);
    expect((await copy.admin("GET", "inspect")).json).toEqual((await e.admin("GET", "inspect")).json);
    expect((await copy.admin("GET", `inspect/instances/${BIG_INSTANCE}`)).json).toMatchObject({ status: 1 });
  });

  it("holds every definition table: export, replace the state with it, export again is identical", async () => {
    const e = await start();
    const dms = definitionClient(e.url);
    try {
      const ScenarioId = (await dms.createScenario({ ScenarioName: "sales", Description: "daily sales" })).ScenarioId!;
      const DagId = (await dms.createTaskFlow({ DagName: "round_trip", Description: "all of it" })).DagId!;
      await dms.moveTaskFlowToScenario({ DagId, ScenarioId });
      const load = (await dms.createTask({ DagId, NodeName: "load", NodeType: "NORMAL_SQL" })).NodeId!;
      const sum = (await dms.createTask({ DagId, NodeName: "sum", NodeType: "36" })).NodeId!;
      await dms.addTaskFlowEdges({ DagId, Edges: [{ NodeFrom: load, NodeEnd: sum }] });
      await dms.updateTaskOutput({ NodeId: sum, NodeOutput: '{"outputs":[{"name":"n"}]}' });
      await dms.updateTaskFlowNotification({
        DagId,
        DagNotificationFail: true,
        DagNotificationSla: false,
        DagNotificationSuccess: true,
      });
      await dms.updateTaskFlowConstants({ DagId, DagConstants: [{ Key: "z", Value: "9" }] });
      await dms.updateTaskFlowTimeVariables({ DagId, TimeVariables: '{"variables":[{"name":"day","pattern":"dd"}]}' });
      await dms.updateTaskFlowCooperators({ DagId, CooperatorIds: ["510001"] });
      await dms.updateTaskFlowSchedule({
        DagId,
        TriggerType: "Cron",
        CronType: "DAY",
        CronStr: "0 0 9 * * ? *",
        ScheduleSwitch: true,
        TimeZoneId: "Europe/Paris",
        CronEndDate: "2030-12-31",
        ScheduleParam: "{}",
      });
      await dms.publishAndDeployTaskFlow({ DagId, VersionComments: "first" });
      const behaviour = { durationMs: 2500, failureRate: 0.25, failNext: { message: "disk full" } };
      expect((await e.admin("PUT", `flows/${DagId}/nodes/${sum}/behaviour`, behaviour)).status).toBe(200);

      const before = (await e.admin("GET", "state?format=seed&includeKeys=true")).text;
      const flow = (JSON.parse(before).taskFlows as { DagId: string }[]).find((f) => f.DagId === DagId);
      expect(flow).toMatchObject({
        description: "all of it",
        scenarioId: ScenarioId,
        deployment: { online: true },
        schedule: { TriggerType: "Cron", CronStr: "0 0 9 * * ? *", TimeZoneId: "Europe/Paris", ScheduleSwitch: true },
        notification: { onFail: true, onSla: false, onSuccess: true },
        constants: [{ Key: "z", Value: "9" }],
        timeVariables: [{ Name: "day", Pattern: "dd" }],
        cooperators: ["510001"],
        behaviours: [{ NodeId: sum, durationMs: 2500, failureRate: 0.25, failNextMessage: "disk full" }],
        versions: [{ comments: "first", frozenGraph: { edges: [{ NodeFrom: load, NodeEnd: sum }] } }],
      });
      expect(JSON.parse(before).scenarios).toEqual([
        { ScenarioId, Tid: "3", name: "sales", description: "daily sales", creatorId: KEYS.a.id },
      ]);

      expect((await e.admin("POST", "seed?mode=replace", JSON.parse(before))).status).toBe(200);
      expect((await e.admin("GET", "state?format=seed&includeKeys=true")).text).toBe(before);
      // The seeded schedule is armed again: ListTaskFlowsByPage shows it, and the engine computed its next firing.
      const listed = (await dms.listTaskFlowsByPage({ DagIdList: [DagId] })).TaskFlowList!.TaskFlow![0]!;
      expect(listed).toMatchObject({ CronSwitch: true, TimeZoneId: "Europe/Paris", ScenarioId });
    } finally {
      dms.destroy();
    }
  });

  it("refuses another format", async () => {
    const e = await start();
    const reply = await e.admin("GET", "state?format=csv");
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ Code: "InvalidFormat" });
  });
});

describe("the demo seed by name", () => {
  it("seed: 'demo' loads seeds/demo.json", async () => {
    const e = await start({ seed: "demo" });
    const demo = JSON.parse(readFileSync(DEMO_SEED, "utf8"));
    expect(e.emulator.seeded).toEqual({
      tenants: demo.tenants.length,
      accessKeys: demo.accessKeys.length,
      taskFlows: demo.taskFlows.length,
      instances: demo.instances.length,
    });
    const key = { id: demo.accessKeys[0].id, secret: demo.accessKeys[0].secret };
    expectSuccess(await e.v3("ListTaskFlow", {}, key));
  });

  it("a path ending in demo is a file path, not the built-in seed", async () => {
    const dir = tempDir();
    await expect(startEmulator({ seed: join(dir, "demo") })).rejects.toThrow(/Cannot read the seed file .*demo: no such file/);
  });
});
