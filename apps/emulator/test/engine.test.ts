import { InstanceStatus, InstanceTriggerType } from "@dmsflow/client";
import { afterEach, describe, expect, it } from "vitest";
import type { EngineEvent } from "../src/index.js";
import { expectBusinessFailure, expectGatewayError, expectSuccess } from "./fixtures/expectations.js";
import type { Reply } from "./fixtures/sendRequest.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { testSeed } from "./fixtures/testSeed.js";

// The story of issue 12 through the public signed API: a flow is published, run, a node fails, the
// run fails, the operator reruns and it succeeds; a run suspended while a node runs resumes and finishes
// with no node run twice; a cron schedule fires under the advanced clock. The clock is paused and
// advanced by the admin API, so nothing depends on real time.
const DAG = "501";
const [A, B, C, D] = ["5001", "5002", "5003", "9007199254740999"];
const START = Date.parse("2026-06-01T00:00:00Z");

/** A diamond: A -> B, A -> C, B -> D, C -> D. */
function seed() {
  const s = testSeed();
  s.taskFlows!.push({
    DagId: DAG,
    Tid: 3,
    name: "diamond",
    owner: "alice",
    graph: {
      nodes: [
        { NodeId: A, NodeName: "extract" },
        { NodeId: B, NodeName: "clean" },
        { NodeId: C, NodeName: "enrich" },
        { NodeId: D, NodeName: "load" },
      ],
      edges: [
        { NodeFrom: A, NodeEnd: B },
        { NodeFrom: A, NodeEnd: C },
        { NodeFrom: B, NodeEnd: D },
        { NodeFrom: C, NodeEnd: D },
      ],
    },
  });
  return s;
}

let e: TestEmulator | undefined;
const events: EngineEvent[] = [];
afterEach(async () => {
  await e?.close();
  e = undefined;
  events.length = 0;
});

async function start(): Promise<TestEmulator> {
  let now = START;
  e = await startTestEmulator({ seed: seed(), clock: () => now, onStateChange: (event) => events.push(event) });
  expect((await e.admin("POST", "clock", { paused: true })).status).toBe(200);
  // The request clock stays at START (signatures); only the engine's clock moves.
  now = START;
  return e;
}

const advance = async (ms: number) => {
  // The emulator answers once what the new time made due is done and committed.
  expect((await e!.admin("POST", "clock", { advanceMs: ms })).status).toBe(200);
};

async function nodes(instanceId: string) {
  const reply = ok(await e!.v3("GetTaskInstanceRelation", { DagId: DAG, DagInstanceId: instanceId }));
  const list = reply.json.NodeList.Node as {
    NodeId: string;
    Status: number;
    Message: string;
    EndTime?: string;
    ExecuteTime?: string;
  }[];
  return Object.fromEntries(list.map((n) => [n.NodeId, n]));
}

async function instance(instanceId: string) {
  const list = ok(await e!.v3("ListTaskFlowInstance", { DagId: DAG, PageIndex: "1", PageSize: "100" }));
  return (
    list.json.DAGInstanceList.DAGInstance as {
      Id: string;
      Status: number;
      Message: string;
      TriggerType: number;
      startTime: string;
      EndTime?: string;
      DagVersion: string;
    }[]
  ).find((i) => i.Id === instanceId)!;
}

/** A successful reply (checked), to read its members. */
function ok(reply: Reply): Reply {
  expectSuccess(reply);
  return reply;
}

const behaviour = (nodeId: string, body: unknown) => e!.admin("PUT", `flows/${DAG}/nodes/${nodeId}/behaviour`, body);

describe("publish, run, fail, rerun", () => {
  it("fails the run at the failed node, never starts its downstream, and a rerun succeeds", async () => {
    await start();
    const published = ok(await e!.v3("PublishAndDeployTaskFlow", { DagId: DAG, VersionComments: "v1" }));
    expect(String(published.json.DeployId)).toMatch(/^\d+$/);
    const versions = ok(await e!.v3("ListDAGVersions", { DagId: DAG, PageIndex: "1", PageSize: "10" }));
    const version = String(versions.json.DagVersionList.DagVersion[0].VersionId);
    expect(versions.json.DagVersionList.DagVersion[0].VersionComments).toBe("v1");

    expect((await behaviour(B, { durationMs: 500, failNext: { message: "disk full" } })).json).toEqual({
      durationMs: 500,
      failureRate: 0,
      failNext: { message: "disk full" },
    });
    const run = ok(await e!.v3("TryRunTaskFlow", { DagId: DAG })).json.InstanceId as string;
    expect(await instance(run)).toMatchObject({
      Status: InstanceStatus.running,
      TriggerType: InstanceTriggerType.manual,
      DagVersion: version,
    });
    // Times are shown in Asia/Shanghai (UTC+8).
    expect((await instance(run)).startTime).toBe("2026-06-01 08:00:00");

    let n = await nodes(run);
    expect([n[A]!.Status, n[B]!.Status, n[C]!.Status, n[D]!.Status]).toEqual([1, 0, 0, 0]);
    await advance(1000); // A succeeds; B and C start together
    n = await nodes(run);
    expect([n[A]!.Status, n[B]!.Status, n[C]!.Status, n[D]!.Status]).toEqual([4, 1, 1, 0]);
    expect(String(n[A]!.ExecuteTime)).toBe("1000");
    await advance(500); // B fails
    n = await nodes(run);
    expect(n[B]).toMatchObject({ Status: InstanceStatus.failed, Message: "disk full" });
    expect((await instance(run)).Status).toBe(InstanceStatus.failed);
    expect((await instance(run)).Message).toContain("disk full");
    await advance(5000); // C finishes; D never starts
    n = await nodes(run);
    expect(n[C]!.Status).toBe(InstanceStatus.succeeded);
    expect(n[D]!.Status).toBe(InstanceStatus.waiting);

    expectGatewayError(
      await e!.v3("ReRunTaskFlowInstance", { DagId: DAG, DagInstanceId: run, DagVersion: "424242" }),
      "InvalidParameter",
    );
    ok(await e!.v3("ReRunTaskFlowInstance", { DagId: DAG, DagInstanceId: run, DagVersion: version }));
    expect((await instance(run)).Status).toBe(InstanceStatus.running);
    await advance(1000);
    await advance(1000);
    await advance(1000);
    expect((await instance(run)).Status).toBe(InstanceStatus.succeeded);
    n = await nodes(run);
    expect(Object.values(n).map((x) => x.Status)).toEqual([4, 4, 4, 4]);
    // The committed events tell the same story, in order, for the listener the SSE stream uses.
    const runStatuses = events.filter((x) => x.kind === "run" && x.instanceId === run).map((x) => x.status);
    expect(runStatuses).toEqual([1, 3, 1, 4]);
  });

  it("runs the version it started with after the flow is redeployed; Offline and ReDeploy answer as documented", async () => {
    await start();
    expectBusinessFailure(await e!.v3("OfflineTaskFlow", { DagId: DAG }), "TaskFlowNotPublished");
    ok(await e!.v3("PublishAndDeployTaskFlow", { DagId: DAG }));
    ok(await e!.v3("OfflineTaskFlow", { DagId: DAG }));
    expectBusinessFailure(await e!.v3("ReDeployLhDagVersion", { DagId: DAG, DagVersion: "999999" }), "DagVersionNotFound");
    ok(await e!.v3("ReDeployLhDagVersion", { DagId: DAG }));
  });
});

describe("suspend and resume", () => {
  it("lets the running node finish, starts nothing new, and resumes without running a finished node again", async () => {
    await start();
    ok(await e!.v3("PublishAndDeployTaskFlow", { DagId: DAG }));
    const run = ok(await e!.v3("TryRunTaskFlow", { DagId: DAG })).json.InstanceId as string;
    await advance(400);
    ok(await e!.v3("SuspendTaskFlowInstance", { DagId: DAG, DagInstanceId: run }));
    await advance(600); // A finishes while suspended
    let n = await nodes(run);
    expect([n[A]!.Status, n[B]!.Status, n[C]!.Status]).toEqual([4, 0, 0]);
    await advance(5000);
    n = await nodes(run);
    expect([n[B]!.Status, n[C]!.Status]).toEqual([0, 0]);
    expect((await instance(run)).Status).toBe(InstanceStatus.suspended);
    expectGatewayError(
      await e!.v3("ResumeTaskFlowInstance", { DagId: DAG, DagInstanceId: run, DagVersion: "x1" }),
      "InvalidParameter",
    );
    ok(await e!.v3("ResumeTaskFlowInstance", { DagId: DAG, DagInstanceId: run }));
    await advance(1000);
    await advance(1000);
    expect((await instance(run)).Status).toBe(InstanceStatus.succeeded);
    const starts = events.filter((x) => x.kind === "node" && x.instanceId === run && x.status === InstanceStatus.running);
    expect(starts.map((x) => (x.kind === "node" ? x.nodeId : "")).sort()).toEqual([A, B, C, D].sort());
    expect(starts.every((x) => x.kind === "node" && x.attempt === 1)).toBe(true);
  });

  it("Stop ends the run failed and its running node with it", async () => {
    await start();
    const run = ok(await e!.v3("TryRunTaskFlow", { DagId: DAG })).json.InstanceId as string;
    ok(await e!.v3("StopTaskFlowInstance", { DagId: DAG, DagInstanceId: run }));
    await advance(10_000);
    const n = await nodes(run);
    expect([n[A]!.Status, n[B]!.Status]).toEqual([InstanceStatus.failed, InstanceStatus.waiting]);
    expect((await instance(run)).Status).toBe(InstanceStatus.failed);
  });
});

describe("schedule", () => {
  it("fires scheduled runs of the deployed version while the flow is online, in the flow's time zone", async () => {
    await start();
    ok(await e!.v3("PublishAndDeployTaskFlow", { DagId: DAG }));
    // Every day at 09:00 Shanghai time = 01:00 UTC.
    expectSuccess(
      await e!.v3("UpdateTaskFlowSchedule", {
        DagId: DAG,
        TriggerType: "Cron",
        CronStr: "0 0 9 * * ? *",
        ScheduleParam: "{}",
        ScheduleSwitch: "true",
        TimeZoneId: "Asia/Shanghai",
      }),
    );
    const scheduled = async () =>
      (
        ok(await e!.v3("ListTaskFlowInstance", { DagId: DAG, PageIndex: "1", PageSize: "100", TriggerType: "0" })).json
          .DAGInstanceList.DAGInstance as { BusinessTime: string }[]
      ).map((i) => i.BusinessTime);
    expect(await scheduled()).toEqual([]);
    await advance(3_600_000); // 01:00 UTC
    expect(await scheduled()).toEqual(["2026-06-01 09:00:00"]);
    await advance(86_400_000);
    expect(await scheduled()).toEqual(["2026-06-02 09:00:00", "2026-06-01 09:00:00"]);
    ok(await e!.v3("OfflineTaskFlow", { DagId: DAG }));
    await advance(86_400_000);
    expect(await scheduled()).toHaveLength(2);
    expectGatewayError(
      await e!.v3("UpdateTaskFlowSchedule", {
        DagId: DAG,
        TriggerType: "Cron",
        CronStr: "not cron",
        ScheduleParam: "{}",
        ScheduleSwitch: "true",
      }),
      "InvalidParameter",
    );
  });
});

describe("idle", () => {
  it("commits nothing while no run is active", async () => {
    e = await startTestEmulator({ seed: seed() });
    const before = (await e.admin("GET", "stats")).json.commits;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await e.admin("GET", "stats")).json.commits).toBe(before);
  });
});

describe("deleting a flow", () => {
  it("takes its live runs out of the engine: no node of a deleted flow runs on", async () => {
    await start();
    ok(await e!.v3("PublishAndDeployTaskFlow", { DagId: DAG }));
    const run = ok(await e!.v3("TryRunTaskFlow", { DagId: DAG })).json.InstanceId as string;
    expect((await nodes(run))[A]!.Status).toBe(InstanceStatus.running);
    ok(await e!.v3("DeleteTaskFlow", { DagId: DAG }));
    events.length = 0;
    await advance(10_000); // A would have finished and B, C, D run
    expect(events).toEqual([]);
    expectBusinessFailure(await e!.v3("GetTaskInstanceRelation", { DagId: DAG, DagInstanceId: run }), "TaskFlowNotFound");
  });
});
