import { InstanceStatus } from "@dmsflow/client";
import type { DmsEnterprise } from "@dmsflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionClient } from "./fixtures/definitionClient.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { testSeed } from "./fixtures/testSeed.js";

// Issue 12's whole story through the public API with signed requests (@dmsflow/core): a flow is
// created, published and run; a node fails and so does the run; the operator reruns it and it
// succeeds; a second run is suspended mid-way, resumed, and succeeds with no node run twice. Only
// the node behaviour (what the real DMS gets from the SQL itself) and the clock use the admin API.
let e: TestEmulator;
let dms: DmsEnterprise;
beforeAll(async () => {
  e = await startTestEmulator({ seed: testSeed() });
  dms = definitionClient(e.url);
  expect((await e.admin("POST", "clock", { paused: true })).status).toBe(200);
});
afterAll(async () => {
  dms.destroy();
  await e.close();
});

const advance = async (ms: number) => expect((await e.admin("POST", "clock", { advanceMs: ms })).status).toBe(200);
const runStatus = async (DagId: string, id: string) =>
  (await dms.listTaskFlowInstance({ DagId, PageIndex: 1, PageSize: 100 })).DAGInstanceList!.DAGInstance!.find((i) => i.Id === id)!
    .Status;
const nodeRuns = async (DagId: string, DagInstanceId: string) =>
  (await dms.getTaskInstanceRelation({ DagId, DagInstanceId })).NodeList!.Node!;

describe("a flow defined, published and run through the API", () => {
  it("fails at the failing node, reruns to success, and resumes a suspended run without running a node twice", async () => {
    const DagId = (await dms.createTaskFlow({ DagName: "orders_story", Description: "issue 12" })).DagId!;
    const extract = (await dms.createTask({ DagId, NodeName: "extract", NodeType: "NORMAL_SQL" })).NodeId!;
    const load = (await dms.createTask({ DagId, NodeName: "load", NodeType: "NORMAL_SQL" })).NodeId!;
    await dms.addTaskFlowEdges({ DagId, Edges: [{ NodeFrom: extract, NodeEnd: load }] });
    for (const node of [extract, load]) {
      expect((await e.admin("PUT", `flows/${DagId}/nodes/${node}/behaviour`, { durationMs: 1000 })).status).toBe(200);
    }
    await e.admin("PUT", `flows/${DagId}/nodes/${load}/behaviour`, { durationMs: 1000, failNext: { message: "table locked" } });
    await dms.publishAndDeployTaskFlow({ DagId, VersionComments: "first" });

    const run = (await dms.tryRunTaskFlow({ DagId })).InstanceId!;
    await advance(2000);
    expect(await runStatus(DagId, run)).toBe(InstanceStatus.failed);
    const failed = (await nodeRuns(DagId, run)).find((n) => n.NodeId === load)!;
    expect(failed).toMatchObject({ Status: InstanceStatus.failed, Message: "table locked" });

    await dms.reRunTaskFlowInstance({ DagId, DagInstanceId: run, DagVersion: "" });
    await advance(2000);
    expect(await runStatus(DagId, run)).toBe(InstanceStatus.succeeded);

    const second = (await dms.tryRunTaskFlow({ DagId })).InstanceId!;
    await advance(500); // extract is running
    await dms.suspendTaskFlowInstance({ DagId, DagInstanceId: second });
    await advance(5000); // extract finishes; load does not start while suspended
    let nodes = await nodeRuns(DagId, second);
    expect(nodes.map((n) => [n.NodeId, n.Status])).toEqual([
      [extract, InstanceStatus.succeeded],
      [load, InstanceStatus.waiting],
    ]);
    expect(await runStatus(DagId, second)).toBe(InstanceStatus.suspended);
    const resumed = await dms.resumeTaskFlowInstance({ DagId, DagInstanceId: second });
    expect(resumed.Success).toBe(true);
    await advance(1000);
    nodes = await nodeRuns(DagId, second);
    expect(nodes.every((n) => n.Status === InstanceStatus.succeeded)).toBe(true);
    expect(await runStatus(DagId, second)).toBe(InstanceStatus.succeeded);
  });
});
