import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DmsEnterprise,
  DmsError,
  describeTaskFlowRun,
  flowGraphOf,
  getFlowGraph,
  InstanceStatus,
  type TaskFlowRun,
  taskFlowRunOf,
} from "../src/index.js";
import { TEST_CREDENTIALS } from "./fixtures/testClient.js";
import { TestEmulator } from "./fixtures/testEmulator.js";

// A diamond flow run by the real emulator on a paused clock: extract, then clean and enrich, then load.
let server: TestEmulator;
let dms: DmsEnterprise;
let DagId: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  server = await TestEmulator.start();
  dms = new DmsEnterprise({ endpoint: server.url, credentials: TEST_CREDENTIALS, env: {}, retry: false });
  await server.admin("POST", "clock", { paused: true });
  DagId = (await dms.createTaskFlow({ DagName: "orders_diamond", Description: "issue 14" })).DagId!;
  for (const name of ["extract", "clean", "enrich", "load"]) {
    ids[name] = (await dms.createTask({ DagId, NodeName: name, NodeType: "NORMAL_SQL" })).NodeId!;
  }
  const edge = (from: string, to: string) => ({ NodeFrom: ids[from]!, NodeEnd: ids[to]! });
  await dms.addTaskFlowEdges({
    DagId,
    Edges: [edge("extract", "clean"), edge("extract", "enrich"), edge("clean", "load"), edge("enrich", "load")],
  });
  await dms.publishAndDeployTaskFlow({ DagId, VersionComments: "first" });
});
afterAll(async () => {
  dms?.destroy();
  await server?.close();
});

const advance = (ms: number) => server.admin("POST", "clock", { advanceMs: ms });
const statuses = (run: TaskFlowRun) => Object.fromEntries(run.nodes.map((n) => [n.name, n.status]));

describe("getFlowGraph", () => {
  it("reads the nodes with their type names and upstream ids, and the edges, ids as strings", async () => {
    const graph = await getFlowGraph(dms, { DagId: BigInt(DagId) });
    expect(graph.dagId).toBe(DagId);
    expect(graph.name).toBe("orders_diamond");
    expect(graph.nodes.map((n) => [n.name, n.type, n.upstream])).toEqual([
      ["extract", "NORMAL_SQL", []],
      ["clean", "NORMAL_SQL", [ids.extract]],
      ["enrich", "NORMAL_SQL", [ids.extract]],
      ["load", "NORMAL_SQL", [ids.clean, ids.enrich]],
    ]);
    expect(graph.edges).toContainEqual({ from: ids.extract, to: ids.enrich });
    expect(graph.edges).toHaveLength(4);
  });
});

describe("describeTaskFlowRun", () => {
  it("shows a passing run: every node succeeded, no failed nodes", async () => {
    const run = (await dms.tryRunTaskFlow({ DagId })).InstanceId!;
    await advance(3000);
    const view = await describeTaskFlowRun(dms, { DagId, DagInstanceId: run });
    expect(view).toMatchObject({ dagId: DagId, dagName: "orders_diamond", instanceId: run, status: InstanceStatus.succeeded });
    expect(view.triggerType).toBeDefined();
    expect(view.version).toBeTruthy();
    expect(Object.values(statuses(view))).toEqual(Array(4).fill(InstanceStatus.succeeded));
    expect(view.failedNodes).toEqual([]);
    expect(view.nodes.every((n) => n.inGraph && n.endTime !== undefined && n.runId !== undefined)).toBe(true);
  });

  it("puts the failed node and its message in failedNodes; the node after it never ran", async () => {
    await server.admin("PUT", `flows/${DagId}/nodes/${ids.enrich}/behaviour`, {
      durationMs: 1000,
      failNext: { message: "table locked" },
    });
    const run = (await dms.tryRunTaskFlow({ DagId })).InstanceId!;
    await advance(3000);
    const before = server.requests.length;
    const view = await describeTaskFlowRun(dms, { DagId, DagInstanceId: run });
    expect(view.status).toBe(InstanceStatus.failed);
    expect(view.failedNodes.map((n) => [n.nodeId, n.name, n.status, n.message])).toEqual([
      [ids.enrich, "enrich", InstanceStatus.failed, "table locked"],
    ]);
    expect(statuses(view)).toMatchObject({ extract: InstanceStatus.succeeded, clean: InstanceStatus.succeeded });
    expect(statuses(view).load).not.toBe(InstanceStatus.succeeded);
    // One call each: the graph, the node runs, the run's row (on the first page).
    expect(
      server.requests
        .slice(before)
        .map((r) => r.action)
        .sort(),
    ).toEqual(["GetTaskFlowGraph", "GetTaskInstanceRelation", "ListTaskFlowInstance"]);
  });

  it("shows a suspended run: the running node finished, the next ones wait", async () => {
    const run = (await dms.tryRunTaskFlow({ DagId })).InstanceId!;
    await advance(500);
    await dms.suspendTaskFlowInstance({ DagId, DagInstanceId: run });
    await advance(5000);
    const view = await describeTaskFlowRun(dms, { DagId, DagInstanceId: run });
    expect(view.status).toBe(InstanceStatus.suspended);
    expect(statuses(view).extract).toBe(InstanceStatus.succeeded);
    expect(statuses(view).load).not.toBe(InstanceStatus.succeeded);
    expect(view.failedNodes).toEqual([]);
  });

  it("answers TaskFlowInstanceNotFound for an instance the flow does not have", async () => {
    const error = await describeTaskFlowRun(dms, { DagId, DagInstanceId: "9007199254740999" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DmsError);
    expect((error as DmsError).code).toBe("TaskFlowInstanceNotFound");
  });
});

describe("taskFlowRunOf", () => {
  const graph = flowGraphOf("11", "orders", [{ NodeId: "7", NodeName: "aggregate" }], []);

  it("takes a node's newest run (highest id) as its state, whatever the order of the records", () => {
    const run = taskFlowRunOf(graph, "5", undefined, [
      { Id: "9007199254740995", NodeId: "7", Status: InstanceStatus.failed, Message: "division by zero" },
      { Id: "9007199254740994", NodeId: "7", Status: InstanceStatus.running },
    ]);
    expect(run.nodes.map((n) => [n.runId, n.status, n.message])).toEqual([
      ["9007199254740995", InstanceStatus.failed, "division by zero"],
    ]);
    expect(run.failedNodes.map((n) => n.nodeId)).toEqual(["7"]);
  });

  it("keeps the newest run of a node no longer in the graph, once, marked inGraph false", () => {
    const run = taskFlowRunOf(graph, "5", undefined, [
      { Id: "2", NodeId: "8", NodeName: "gone", Status: InstanceStatus.succeeded },
      { Id: "1", NodeId: "8", NodeName: "gone", Status: InstanceStatus.failed },
    ]);
    expect(run.nodes.map((n) => [n.nodeId, n.status, n.inGraph])).toEqual([
      ["7", undefined, true],
      ["8", InstanceStatus.succeeded, false],
    ]);
  });
});
