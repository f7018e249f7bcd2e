import { join } from "node:path";
import type { DmsEnterprise } from "@dmsflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionClient, expectFailure } from "./fixtures/definitionClient.js";
import { tempDir } from "./fixtures/emulatorProcess.js";
import { callOpenApi, popClient } from "./fixtures/officialClients.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { FLOW, KEYS, OTHER_FLOW } from "./fixtures/testSeed.js";

// Flow settings, business scenarios, tenant isolation and durability of definitions, through the real signed client.
let e: TestEmulator;
let dms: DmsEnterprise;
beforeAll(async () => {
  e = await startTestEmulator();
  dms = definitionClient(e.url);
});
afterAll(async () => {
  dms.destroy();
  await e.close();
});

const newFlow = async (DagName: string, client = dms) => (await client.createTaskFlow({ DagName })).DagId!;

describe("flow settings", () => {
  it("notification switches: all off until set", async () => {
    const DagId = await newFlow("notify");
    expect((await dms.getTaskFlowNotification({ DagId })).Notification).toEqual({
      DagNotificationFail: false,
      DagNotificationSla: false,
      DagNotificationSuccess: false,
    });
    await dms.updateTaskFlowNotification({
      DagId,
      DagNotificationFail: true,
      DagNotificationSla: false,
      DagNotificationSuccess: true,
    });
    expect((await dms.getTaskFlowNotification({ DagId })).Notification).toEqual({
      DagNotificationFail: true,
      DagNotificationSla: false,
      DagNotificationSuccess: true,
    });
  });

  it("the schedule set by UpdateTaskFlowSchedule is listed by ListTaskFlowsByPage; a flow without one lists it off", async () => {
    const DagId = await newFlow("scheduled_listing");
    const listed = async () => (await dms.listTaskFlowsByPage({ DagIdList: [DagId] })).TaskFlowList!.TaskFlow![0]!;
    expect(await listed()).not.toHaveProperty("CronStr");
    expect(await listed()).toMatchObject({ CronSwitch: false });
    await dms.updateTaskFlowSchedule({
      DagId,
      TriggerType: "Cron",
      ScheduleSwitch: true,
      ScheduleParam: "{}",
      CronStr: "0 0 1 * * ? *",
      TimeZoneId: "Europe/Berlin",
      CronBeginDate: "2026-01-01",
      CronEndDate: "2026-12-31 23:59:59",
    });
    expect(await listed()).toMatchObject({
      CronSwitch: true,
      CronStr: "0 0 1 * * ? *",
      TimeZoneId: "Europe/Berlin",
      CronBeginDate: "2026-01-01",
      CronEndDate: "2026-12-31 23:59:59",
      ScheduleParam: "{}",
    });
    await dms.updateTaskFlowSchedule({ DagId, TriggerType: "Cron", ScheduleSwitch: false, ScheduleParam: "{}" });
    expect(await listed()).toMatchObject({ CronSwitch: false, TimeZoneId: "Asia/Shanghai" });
    expect(await listed()).not.toHaveProperty("CronStr");
  });

  it("constants are replaced as a whole, in order; a missing or repeated Key is refused", async () => {
    const DagId = await newFlow("constants");
    expect((await dms.listTaskFlowConstants({ DagId })).DagConstants!.DagConstant).toEqual([]);
    await dms.updateTaskFlowConstants({
      DagId,
      DagConstants: [
        { Key: "b", Value: "2" },
        { Key: "a", Value: "1" },
      ],
    });
    await dms.updateTaskFlowConstants({ DagId, DagConstants: [{ Key: "z", Value: "9" }, { Key: "a" }] });
    expect((await dms.listTaskFlowConstants({ DagId })).DagConstants!.DagConstant).toEqual([
      { Key: "z", Value: "9" },
      { Key: "a", Value: "" },
    ]);
    await expectFailure(dms.updateTaskFlowConstants({ DagId, DagConstants: [{ Value: "v" }] }), "InvalidParameter");
    await expectFailure(dms.updateTaskFlowConstants({ DagId, DagConstants: [{ Key: "k" }, { Key: "k" }] }), "InvalidParameter");
    expect((await dms.listTaskFlowConstants({ DagId })).DagConstants!.DagConstant).toHaveLength(2);
  });

  it("time variables are read from DMS's JSON form and listed as Name and Pattern", async () => {
    const DagId = await newFlow("time_variables");
    await dms.updateTaskFlowTimeVariables({
      DagId,
      TimeVariables: '{"variables":[ {"name":"var", "pattern":"yyyy-MM-dd|+0m+0h-2d+0w+0M+1y"}, {"name":"day","pattern":"dd"} ]}',
    });
    expect((await dms.listTaskFlowTimeVariables({ DagId })).TimeVariables!.TimeVariable).toEqual([
      { Name: "var", Pattern: "yyyy-MM-dd|+0m+0h-2d+0w+0M+1y" },
      { Name: "day", Pattern: "dd" },
    ]);
    const error = await expectFailure(
      dms.updateTaskFlowTimeVariables({
        DagId,
        TimeVariables: '{"variables":[{"name":"a","pattern":"d"},{"name":"a","pattern":"d"}]}',
      }),
      "InvalidParameter",
    );
    expect(error.message).toContain("twice");
    expect((await dms.listTaskFlowTimeVariables({ DagId })).TimeVariables!.TimeVariable).toHaveLength(2);
  });

  it("cooperators are replaced as a whole; omitted CooperatorIds leaves none", async () => {
    const DagId = await newFlow("cooperators");
    await dms.updateTaskFlowCooperators({ DagId, CooperatorIds: ["510001", "42", "510001"] });
    expect((await dms.listTaskFlowCooperators({ DagId })).CooperatorList!.Cooperator).toEqual([
      { UserId: "510001", NickName: "alice" },
      { UserId: "42", NickName: "42" },
    ]);
    // ListLhTaskFlowAndScenario with UserId: the flows that user owns or cooperates on.
    const viewOf = async (UserId: string) =>
      (await dms.listLhTaskFlowAndScenario({ SpaceId: 1, UserId })).RawDAGList!.Dag!.map((d) => d.Id);
    expect(await viewOf("42")).toEqual([DagId]);
    expect(await viewOf("510001")).toEqual(expect.arrayContaining([FLOW, DagId]));
    await dms.updateTaskFlowCooperators({ DagId });
    expect(await viewOf("42")).toEqual([]);
    expect((await dms.listTaskFlowCooperators({ DagId })).CooperatorList!.Cooperator).toEqual([]);
  });
});

describe("business scenarios", () => {
  it("creates, lists, renames and deletes scenarios; a deleted scenario's flows go to the default one", async () => {
    const sales = (await dms.createScenario({ ScenarioName: "sales", Description: "daily sales" })).ScenarioId!;
    await expectFailure(dms.createScenario({ ScenarioName: "sales" }), "DuplicateName");
    const other = (await dms.createScenario({ ScenarioName: "other" })).ScenarioId!;
    await expectFailure(dms.updateScenario({ ScenarioId: other, ScenarioName: "sales" }), "DuplicateName");
    await dms.updateScenario({ ScenarioId: other, ScenarioName: "finance" });
    expect((await dms.listScenarios({})).ScenarioList).toEqual([
      { Id: sales, ScenarioName: "sales", Description: "daily sales", CreatorId: "key-a" },
      { Id: other, ScenarioName: "finance", Description: "", CreatorId: "key-a" },
    ]);

    const inSales = (await dms.createTaskFlow({ DagName: "in_sales", ScenarioId: sales })).DagId!;
    const moved = await newFlow("moved");
    await dms.moveTaskFlowToScenario({ DagId: moved, ScenarioId: other });
    const byScenario = await dms.listTaskFlowsByPage({ ScenarioId: sales });
    expect(byScenario.TaskFlowList!.TaskFlow!.map((f) => [f.Id, f.ScenarioId])).toEqual([[inSales, sales]]);

    const lh = await dms.listLhTaskFlowAndScenario({ SpaceId: 24 });
    expect(lh.ScenarioDAGList!.ScenarioDAG!.map((s) => [s.Scenario!.ScenarioName, s.DagList!.Dag!.map((d) => d.Id)])).toEqual([
      ["sales", [inSales]],
      ["finance", [moved]],
    ]);
    const raw = lh.RawDAGList!.Dag!.map((d) => d.Id);
    expect(raw).toContain(FLOW);
    expect(raw).not.toContain(OTHER_FLOW);
    expect(lh.RawDAGList!.Dag!.find((d) => d.Id === FLOW)).toMatchObject({
      DagName: "nightly_etl",
      SpaceId: "24",
      IsDeleted: false,
    });

    await dms.moveTaskFlowToScenario({ DagId: moved, ScenarioId: "0" });
    await dms.deleteScenario({ ScenarioId: sales });
    expect((await dms.listScenarios({})).ScenarioList!.map((s) => s.Id)).toEqual([other]);
    const after = await dms.listLhTaskFlowAndScenario({ SpaceId: 24 });
    expect(after.RawDAGList!.Dag!.map((d) => d.Id)).toEqual(expect.arrayContaining([inSales, moved]));
    expect(after.ScenarioDAGList!.ScenarioDAG![0]!.DagList!.Dag).toEqual([]);
  });

  it("answers ScenarioNotFound for unknown scenarios, and InvalidParameter for a non-decimal string ScenarioId", async () => {
    const DagId = await newFlow("scenario_checks");
    await expectFailure(dms.deleteScenario({ ScenarioId: "9007199254740993" }), "ScenarioNotFound");
    await expectFailure(dms.updateScenario({ ScenarioId: "9007199254740993", ScenarioName: "x" }), "ScenarioNotFound");
    await expectFailure(dms.updateScenario({ ScenarioId: "sales", ScenarioName: "x" }), "InvalidParameter");
    await expectFailure(dms.moveTaskFlowToScenario({ DagId, ScenarioId: "9007199254740993" }), "ScenarioNotFound");
    await expectFailure(dms.createTaskFlow({ DagName: "nowhere", ScenarioId: "9007199254740993" }), "ScenarioNotFound");
  });
});

describe("tenant isolation", () => {
  it("keeps each tenant's flows, nodes, edges and scenarios out of the others' reach", async () => {
    const own = await newFlow("tenant_three");
    const nodeA = (await dms.createTask({ DagId: own, NodeName: "a", NodeType: "NORMAL_SQL" })).NodeId!;
    const nodeB = (await dms.createTask({ DagId: own, NodeName: "b", NodeType: "NORMAL_SQL" })).NodeId!;
    const edge = (await dms.addTaskFlowEdges({ DagId: own, Edges: [{ NodeFrom: nodeA, NodeEnd: nodeB }] })).EdgeIds!.EdgeId![0]!;
    const scenario = (await dms.createScenario({ ScenarioName: "tenant_three_scenario" })).ScenarioId!;

    // key-b may use tenant 4 only: tenant 3's definitions do not exist there.
    const b = definitionClient(e.url, KEYS.b);
    try {
      await expectFailure(b.getTaskFlowGraph({ DagId: own }), "TaskFlowNotFound");
      await expectFailure(b.deleteTaskFlow({ DagId: own }), "TaskFlowNotFound");
      await expectFailure(b.updateTaskFlowNameAndDesc({ DagId: own, DagName: "stolen" }), "TaskFlowNotFound");
      await expectFailure(b.deleteTaskFlowEdgesByCondition({ DagId: own, Id: edge }), "TaskFlowNotFound");
      await expectFailure(b.getTask({ NodeId: nodeA }), "TaskNotFound");
      await expectFailure(b.deleteTask({ NodeId: nodeA }), "TaskNotFound");
      await expectFailure(b.deleteScenario({ ScenarioId: scenario }), "ScenarioNotFound");
      await expectFailure(b.createTaskFlow({ DagName: "x", ScenarioId: scenario }), "ScenarioNotFound");
      expect((await b.listScenarios({})).ScenarioList).toEqual([]);
      expect((await b.listTaskFlowsByPage({ DagIdList: [own] })).TotalCount).toBe(0);
      // Names are unique per tenant: tenant 4 may reuse tenant 3's.
      const theirs = await newFlow("tenant_three", b);
      expect(theirs).not.toBe(own);
      await expectFailure(dms.getTaskFlowGraph({ DagId: theirs }), "TaskFlowNotFound");
      // key-a may also act in tenant 4 with Tid, and sees tenant 4's flow there only.
      expect(
        (await dms.listTaskFlowsByPage({ Tid: 4, DagIdList: [theirs, own] })).TaskFlowList!.TaskFlow!.map((f) => f.Id),
      ).toEqual([theirs]);
      await expectFailure(b.listTaskFlowsByPage({ Tid: 3 }), "Forbidden.RAM");
    } finally {
      b.destroy();
    }
    expect((await dms.getTask({ NodeId: nodeA })).Task!.NodeName).toBe("a");
    expect((await dms.listTaskFlowEdgesByCondition({ DagId: own })).Edges!.Edge).toHaveLength(1);
  });
});

describe("durability", () => {
  it("keeps definitions and the ID sequence in the data file across a restart", async () => {
    const data = join(tempDir(), "definitions.sqlite");
    const first = await startTestEmulator({ data });
    const one = definitionClient(first.url);
    const dagId = await newFlow("survivor", one);
    const a = (await one.createTask({ DagId: dagId, NodeName: "a", NodeType: "NORMAL_SQL" })).NodeId!;
    const b = (await one.createTask({ DagId: dagId, NodeName: "b", NodeType: "NORMAL_SQL" })).NodeId!;
    await one.addTaskFlowEdges({ DagId: dagId, Edges: [{ NodeFrom: a, NodeEnd: b }] });
    await one.updateTaskFlowConstants({ DagId: dagId, DagConstants: [{ Key: "k", Value: "v" }] });
    const last = (await one.createScenario({ ScenarioName: "kept" })).ScenarioId!;
    await one.deleteScenario({ ScenarioId: last });
    one.destroy();
    await first.close();

    const second = await startTestEmulator({ data });
    const two = definitionClient(second.url);
    try {
      const g = (await two.getTaskFlowGraph({ DagId: dagId })).TaskFlowGraph!;
      expect(g.DagName).toBe("survivor");
      expect(g.Nodes!.Node!.map((n) => n.NodeName)).toEqual(["a", "b"]);
      expect(g.Edges!.Edge!.map((x) => [x.NodeFrom, x.NodeEnd])).toEqual([[a, b]]);
      expect((await two.listTaskFlowConstants({ DagId: dagId })).DagConstants!.DagConstant).toEqual([{ Key: "k", Value: "v" }]);
      // The deleted scenario's ID is not handed out again.
      expect(BigInt(await newFlow("after_restart", two))).toBe(BigInt(last) + 1n);
    } finally {
      two.destroy();
      await second.close();
    }
  });
});

describe("official clients", () => {
  const creds = { accessKeyId: KEYS.a.id, accessKeySecret: KEYS.a.secret };

  it("the official V3 runtime and pop-core (V1) define a flow and read it back", async () => {
    const created = await callOpenApi(e.host, creds, "CreateTaskFlow", {
      DagName: "official_flow",
      Description: "via openapi-core",
    });
    expect(created.statusCode).toBe(200);
    expect(created.body).toMatchObject({ Success: true });
    // A JSON number, as the SDK models declare it (so those clients round it above 2^53: read the exact one with dmsflow).
    expect(typeof created.body.DagId).toBe("number");
    const dagId = (await dms.listTaskFlowsByPage({ SearchKey: "official_flow" })).TaskFlowList!.TaskFlow![0]!.Id!;
    expect(Number(dagId)).toBe(created.body.DagId);

    const pop = popClient(e.url, creds);
    const task = await pop.request("CreateTask", { DagId: dagId, NodeName: "n", NodeType: "NORMAL_SQL" }, { method: "POST" });
    // pop-core keeps a big int64 exact (as text); the ID is the one ListTasksInTaskFlow names.
    expect(task.Success).toBe(true);
    const listed = await pop.request("ListTasksInTaskFlow", { DagId: dagId }, { method: "POST" });
    expect(listed.Tasks.Task).toEqual([
      expect.objectContaining({ NodeId: String(task.NodeId), NodeName: "n", NodeType: "NORMAL_SQL" }),
    ]);
    const scenarios = await pop.request("ListScenarios", {}, { method: "POST" });
    expect(Array.isArray(scenarios.ScenarioList)).toBe(true);
  });
});
