import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DmsEnterprise,
  DmsLookupError,
  DmsWaiterError,
  InstanceStatus,
  type NodeWaitPollEvent,
  waitForTaskFlowNode,
} from "../src/index.js";
import { TEST_CREDENTIALS } from "./fixtures/testClient.js";
import { TestEmulator } from "./fixtures/testEmulator.js";

// A chain flow run by the real emulator on a paused clock: extract -> transform -> load, a simulated
// second each. The test moves the clock while a waiter polls.
let server: TestEmulator;
let dms: DmsEnterprise;
let DagId: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  server = await TestEmulator.start();
  dms = new DmsEnterprise({ endpoint: server.url, credentials: TEST_CREDENTIALS, env: {}, retry: false });
  await server.admin("POST", "clock", { paused: true });
  DagId = (await dms.createTaskFlow({ DagName: "orders_chain", Description: "node waits" })).DagId!;
  for (const name of ["extract", "transform", "load"]) {
    ids[name] = (await dms.createTask({ DagId, NodeName: name, NodeType: "NORMAL_SQL" })).NodeId!;
  }
  await dms.addTaskFlowEdges({
    DagId,
    Edges: [
      { NodeFrom: ids.extract!, NodeEnd: ids.transform! },
      { NodeFrom: ids.transform!, NodeEnd: ids.load! },
    ],
  });
});
afterAll(async () => {
  dms?.destroy();
  await server?.close();
});

const advance = (ms: number) => server.admin("POST", "clock", { advanceMs: ms });
const NODE_CALLS = ["GetTaskFlowGraph", "GetTaskInstanceRelation", "ListTaskFlowInstance"];
const callsSince = (index: number) => server.requests.slice(index).filter((r) => NODE_CALLS.includes(r.action!)).length;

/** Resolves once `polls` has reached `count` entries. */
async function pollsReach(polls: readonly NodeWaitPollEvent[], count: number): Promise<void> {
  while (polls.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("waitForTaskFlowNode (real emulator)", () => {
  it("waits for a node by name: one call per poll while the run's nodes run, then the node's run", async () => {
    const DagInstanceId = (await dms.tryRunTaskFlow({ DagId })).InstanceId!;
    const before = server.requests.length;
    const polls: NodeWaitPollEvent[] = [];
    const waiting = waitForTaskFlowNode(dms, {
      DagId,
      DagInstanceId,
      node: { name: "load" },
      until: InstanceStatus.succeeded,
      intervalMs: 10,
      maxIntervalMs: 20,
      onPoll: (event) => polls.push(event),
    });
    await pollsReach(polls, 4);
    await advance(3000);
    const node = await waiting;
    expect(node).toMatchObject({ nodeId: ids.load, name: "load", status: InstanceStatus.succeeded, inGraph: true });
    // extract runs on the paused clock: the first poll reads the graph too, the next ones only the node runs.
    expect(polls[0]).toMatchObject({ poll: 1, status: InstanceStatus.waiting, calls: 2 });
    expect(polls.slice(1, 4).map((p) => [p.status, p.calls, p.runStatus])).toEqual(
      Array(3).fill([InstanceStatus.waiting, 1, undefined]),
    );
    expect(polls.at(-1)).toMatchObject({ status: InstanceStatus.succeeded, nextDelayMs: undefined });
    // What onPoll counted is what reached the server.
    expect(callsSince(before)).toBe(polls.reduce((sum, p) => sum + p.calls, 0));
  });

  it("waits for a node by id until it runs, and takes its int64 id as a bigint", async () => {
    const DagInstanceId = (await dms.tryRunTaskFlow({ DagId })).InstanceId!;
    const polls: NodeWaitPollEvent[] = [];
    const waiting = waitForTaskFlowNode(dms, {
      DagId: BigInt(DagId),
      DagInstanceId,
      node: { nodeId: BigInt(ids.transform!) },
      until: [InstanceStatus.running],
      intervalMs: 10,
      maxIntervalMs: 20,
      onPoll: (event) => polls.push(event),
    });
    await pollsReach(polls, 2);
    await advance(1000);
    expect(await waiting).toMatchObject({ nodeId: ids.transform, status: InstanceStatus.running });
    await advance(5000);
  });

  it("stops when the node fails, with its message", async () => {
    await server.admin("PUT", `flows/${DagId}/nodes/${ids.transform}/behaviour`, { failNext: { message: "table locked" } });
    const DagInstanceId = (await dms.tryRunTaskFlow({ DagId })).InstanceId!;
    await advance(3000);
    const error = await waitForTaskFlowNode(dms, {
      DagId,
      DagInstanceId,
      node: { name: "transform" },
      until: 4,
      intervalMs: 10,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DmsWaiterError);
    expect(error).toMatchObject({ code: "WaiterTerminalState", lastStatus: InstanceStatus.failed });
    expect((error as Error).message).toContain(
      `Node "transform" (${ids.transform}) of instance ${DagInstanceId} reached status 3 (failed): table locked`,
    );
  });

  it("stops when the run ended without the node: the run's status is read once nothing runs", async () => {
    await server.admin("PUT", `flows/${DagId}/nodes/${ids.transform}/behaviour`, { failNext: { message: "table locked" } });
    const DagInstanceId = (await dms.tryRunTaskFlow({ DagId })).InstanceId!;
    await advance(3000);
    const polls: NodeWaitPollEvent[] = [];
    const error = await waitForTaskFlowNode(dms, {
      DagId,
      DagInstanceId,
      node: { name: "load" },
      until: 4,
      intervalMs: 10,
      onPoll: (event) => polls.push(event),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "WaiterTerminalState" });
    expect((error as Error).message).toContain('The run ended with status 3 (failed) while node "load"');
    expect(polls).toEqual([
      { poll: 1, status: InstanceStatus.waiting, runStatus: InstanceStatus.failed, calls: 3, nextDelayMs: undefined },
    ]);
  });

  it("keeps waiting while the run is suspended, reading the run's status each poll, and times out naming the node's state", async () => {
    const DagInstanceId = (await dms.tryRunTaskFlow({ DagId })).InstanceId!;
    await dms.suspendTaskFlowInstance({ DagId, DagInstanceId });
    await advance(2000);
    const polls: NodeWaitPollEvent[] = [];
    const error = await waitForTaskFlowNode(dms, {
      DagId,
      DagInstanceId,
      node: { name: "load" },
      until: 4,
      intervalMs: 10,
      maxIntervalMs: 20,
      timeoutMs: 1000,
      onPoll: (event) => polls.push(event),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "WaiterTimeout", option: "timeoutMs" });
    expect((error as Error).message).toContain("it was 0 (waiting)");
    expect(polls.length).toBeGreaterThan(1);
    expect(polls.every((p) => p.runStatus === InstanceStatus.suspended)).toBe(true);
    // After the first find, the run's row costs one call: the node runs and the row, 2 per poll.
    expect(polls.slice(1).every((p) => p.calls === 2)).toBe(true);
    await dms.stopTaskFlowInstance({ DagId, DagInstanceId });
  });

  it("names the flow's nodes when the node is not there, after one poll", async () => {
    const DagInstanceId = (await dms.tryRunTaskFlow({ DagId })).InstanceId!;
    const before = server.requests.length;
    const error = await waitForTaskFlowNode(dms, { DagId, DagInstanceId, node: { name: "Load" }, until: 4 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DmsLookupError);
    expect(error).toMatchObject({ code: "TaskFlowNodeNotFound" });
    expect((error as DmsLookupError).candidates.map((c) => c.name)).toEqual(["extract", "transform", "load"]);
    expect((error as Error).message).toBe(
      `Task flow ${DagId} has no node named "Load" (in its graph or in this run); its nodes: "extract" (${ids.extract}), "transform" (${ids.transform}), "load" (${ids.load}).`,
    );
    expect(callsSince(before)).toBe(2);
    await advance(5000);
  });
});
