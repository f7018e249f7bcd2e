import type { DmsEnterprise } from "@dmsflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionClient, expectFailure } from "./fixtures/definitionClient.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { BIG_FLOW, FLOW, testSeed } from "./fixtures/testSeed.js";

// Flows, nodes and edges defined through the public API with the real signed client (@dmsflow/core).
let e: TestEmulator;
let dms: DmsEnterprise;
beforeAll(async () => {
  const seed = testSeed();
  // A seeded node known by a documented code only (31, CONDITION).
  seed.taskFlows!.find((f) => f.DagId === BIG_FLOW)!.graph = { nodes: [{ NodeId: 55001, NodeName: "branch", NodeType: 31 }] };
  e = await startTestEmulator({ seed });
  dms = definitionClient(e.url);
});
afterAll(async () => {
  dms.destroy();
  await e.close();
});

const TWO_53 = 2n ** 53n;
const graph = async (DagId: string) => (await dms.getTaskFlowGraph({ DagId })).TaskFlowGraph!;
const newFlow = async (DagName: string) => (await dms.createTaskFlow({ DagName })).DagId!;
const newNode = async (DagId: string, NodeName: string) =>
  (await dms.createTask({ DagId, NodeName, NodeType: "NORMAL_SQL" })).NodeId!;

describe("task flows", () => {
  it("allocates exact int64 DagIds above every stored ID (the seed holds node 9007199254740997)", async () => {
    const first = await newFlow("ids_first");
    const second = await newFlow("ids_second");
    expect(BigInt(first)).toBeGreaterThan(9_007_199_254_740_997n);
    expect(BigInt(first)).toBeGreaterThan(TWO_53);
    // Exact: the next ID is one more, which a double could not tell apart at this magnitude.
    expect(BigInt(second)).toBe(BigInt(first) + 1n);
    const g = await graph(second);
    expect(g).toMatchObject({ DagName: "ids_second", Status: "1", CanEdit: true, Nodes: { Node: [] }, Edges: { Edge: [] } });
    const listed = (await dms.listTaskFlow({})).TaskFlowList!.TaskFlow!.map((f) => f.Id);
    expect(listed).toEqual(expect.arrayContaining([first, second]));
  });

  it("refuses a name another flow of the tenant has, then renames and describes", async () => {
    const dagId = await newFlow("rename_me");
    await expectFailure(dms.createTaskFlow({ DagName: "nightly_etl" }), "DuplicateName");
    await expectFailure(dms.updateTaskFlowNameAndDesc({ DagId: dagId, DagName: "nightly_etl" }), "DuplicateName");
    await dms.updateTaskFlowNameAndDesc({ DagId: dagId, DagName: "renamed", Description: "about it" });
    // Renaming to its own name is not a clash; an omitted Description is kept.
    await dms.updateTaskFlowNameAndDesc({ DagId: dagId, DagName: "renamed" });
    expect((await graph(dagId)).DagName).toBe("renamed");
    const page = await dms.listTaskFlowsByPage({ DagIdList: [dagId] });
    expect(page.TaskFlowList!.TaskFlow).toEqual([
      expect.objectContaining({ Id: dagId, DagName: "renamed", Description: "about it", CreatorId: "key-a", Status: 1 }),
    ]);
  });

  it("lists each flow's schedule: the fields UpdateTaskFlowSchedule stored, CronSwitch false without one", async () => {
    const dagId = await newFlow("scheduled");
    const listed = async () => (await dms.listTaskFlowsByPage({ DagIdList: [dagId] })).TaskFlowList!.TaskFlow![0]!;
    expect(await listed()).toMatchObject({ CronSwitch: false });
    expect((await listed()).CronStr).toBeUndefined();
    await dms.updateTaskFlowSchedule({
      DagId: dagId,
      TriggerType: "Cron",
      CronType: "DAY",
      CronStr: "0 0 9 * * ? *",
      ScheduleSwitch: true,
      TimeZoneId: "Europe/Paris",
      CronBeginDate: "2026-01-01",
      CronEndDate: "2026-12-31 23:00:00",
      ScheduleParam: "{}",
    });
    expect(await listed()).toMatchObject({
      CronSwitch: true,
      CronStr: "0 0 9 * * ? *",
      TimeZoneId: "Europe/Paris",
      CronBeginDate: "2026-01-01",
      CronEndDate: "2026-12-31 23:00:00",
      ScheduleParam: "{}",
    });
  });

  it("changes owners: a user the tenant knows keeps their nickname, another shows as its ID", async () => {
    const dagId = await newFlow("owned");
    await dms.updateTaskFlowOwner({ DagId: dagId, NewOwnerId: "510001" });
    let flow = (await dms.listTaskFlowsByPage({ DagIdList: [dagId] })).TaskFlowList!.TaskFlow![0]!;
    expect({ id: flow.DagOwnerId, nick: flow.DagOwnerNickName }).toEqual({ id: "510001", nick: "alice" });
    await dms.changeLhDagOwner({ DagId: dagId, OwnerUserId: "777" });
    flow = (await dms.listTaskFlowsByPage({ DagIdList: [dagId] })).TaskFlowList!.TaskFlow![0]!;
    expect({ id: flow.DagOwnerId, nick: flow.DagOwnerNickName }).toEqual({ id: "777", nick: "777" });
  });

  it("pages by DagId with filters and TotalCount of every match", async () => {
    const ids = [await newFlow("paged_a"), await newFlow("paged_b"), await newFlow("Paged_c")];
    const page1 = await dms.listTaskFlowsByPage({ SearchKey: "paged_", PageIndex: 1, PageSize: 2 });
    const page2 = await dms.listTaskFlowsByPage({ SearchKey: "PAGED_", PageIndex: 2, PageSize: 2 });
    expect(page1.TotalCount).toBe(3);
    expect(page2.TotalCount).toBe(3);
    expect([...page1.TaskFlowList!.TaskFlow!, ...page2.TaskFlowList!.TaskFlow!].map((f) => f.Id)).toEqual(ids);
    const chosen = await dms.listTaskFlowsByPage({ DagIdList: [ids[2]!, FLOW, "424242"] });
    expect(chosen.TaskFlowList!.TaskFlow!.map((f) => f.Id)).toEqual([FLOW, ids[2]]);
  });

  it("deletes a flow with its nodes and edges; afterwards it is TaskFlowNotFound", async () => {
    const dagId = await newFlow("doomed");
    const a = await newNode(dagId, "a");
    const b = await newNode(dagId, "b");
    await dms.addTaskFlowEdges({ DagId: dagId, Edges: [{ NodeFrom: a, NodeEnd: b }] });
    await dms.deleteTaskFlow({ DagId: dagId });
    await expectFailure(dms.getTaskFlowGraph({ DagId: dagId }), "TaskFlowNotFound");
    await expectFailure(dms.deleteTaskFlow({ DagId: dagId }), "TaskFlowNotFound");
    await expectFailure(dms.getTask({ NodeId: a }), "TaskNotFound");
    // The name is free again, and IDs are never handed out twice.
    expect(BigInt(await newFlow("doomed"))).toBeGreaterThan(BigInt(b));
  });

  it("answers TaskFlowNotFound for an unknown DagId on every flow operation", async () => {
    const DagId = "9007199254740992";
    await expectFailure(dms.updateTaskFlowNameAndDesc({ DagId, DagName: "x" }), "TaskFlowNotFound");
    await expectFailure(dms.updateTaskFlowOwner({ DagId, NewOwnerId: "1" }), "TaskFlowNotFound");
    await expectFailure(dms.moveTaskFlowToScenario({ DagId }), "TaskFlowNotFound");
    await expectFailure(dms.createTask({ DagId, NodeName: "n", NodeType: "NORMAL_SQL" }), "TaskFlowNotFound");
    await expectFailure(dms.listTasksInTaskFlow({ DagId }), "TaskFlowNotFound");
    await expectFailure(dms.addTaskFlowEdges({ DagId, Edges: [] }), "TaskFlowNotFound");
    await expectFailure(dms.listTaskFlowEdgesByCondition({ DagId }), "TaskFlowNotFound");
    await expectFailure(dms.getTaskFlowNotification({ DagId }), "TaskFlowNotFound");
    await expectFailure(dms.listTaskFlowConstants({ DagId }), "TaskFlowNotFound");
  });
});

describe("task nodes", () => {
  it("creates nodes that GetTask, ListTasksInTaskFlow and GetTaskFlowGraph show", async () => {
    const dagId = await newFlow("nodes");
    const created = await dms.createTask({
      DagId: dagId,
      NodeName: "extract",
      NodeType: "NORMAL_SQL",
      NodeContent: '{"sql":"select 1"}',
      GraphParam: '{"x":1,"y":2}',
      NodeOutput: '{"outputs":[]}',
      TimeVariables: '{"variables":[{"name":"bizdate","pattern":"yyyy-MM-dd|-1d"}]}',
    });
    const nodeId = created.NodeId!;
    expect(BigInt(nodeId)).toBeGreaterThan(TWO_53);
    expect((await dms.getTask({ NodeId: nodeId })).Task).toEqual({
      DagId: dagId,
      NodeName: "extract",
      NodeType: "NORMAL_SQL",
      NodeContent: '{"sql":"select 1"}',
      NodeConfig: "",
      NodeOutput: '{"outputs":[]}',
      GraphParam: '{"x":1,"y":2}',
      TimeVariables: '{"variables":[{"name":"bizdate","pattern":"yyyy-MM-dd|-1d"}]}',
    });
    const coded = await dms.createTask({ DagId: dagId, NodeName: "load", NodeType: "36" });
    expect((await dms.listTasksInTaskFlow({ DagId: dagId })).Tasks!.Task!.map((t) => [t.NodeId, t.NodeName, t.NodeType])).toEqual(
      [
        [nodeId, "extract", "NORMAL_SQL"],
        [coded.NodeId, "load", "36"],
      ],
    );
    const nodes = (await graph(dagId)).Nodes!.Node!;
    expect(nodes.map((n) => [n.NodeId, n.DagId, n.NodeName, n.NodeType])).toEqual([
      [nodeId, dagId, "extract", "1"],
      [coded.NodeId, dagId, "load", "36"],
    ]);
  });

  it("shows NodeType as the spec's codes map it: a name in GetTask, its documented code in GetTaskFlowGraph", async () => {
    const dagId = await newFlow("node_types");
    const names = ["ECS_SCRIPT", "SPARK_SQL"];
    const ids = [];
    for (const NodeType of names) ids.push((await dms.createTask({ DagId: dagId, NodeName: NodeType, NodeType })).NodeId!);
    // ECS_SCRIPT has the documented code 42; SPARK_SQL has none, shown as 0.
    expect((await graph(dagId)).Nodes!.Node!.map((n) => n.NodeType)).toEqual(["42", "0"]);
    expect((await dms.listTasksInTaskFlow({ DagId: dagId })).Tasks!.Task!.map((t) => t.NodeType)).toEqual(names);
    // Seeded nodes are known by code: 31 is CONDITION; 36 has no documented name, so it stays "36".
    expect((await dms.getTask({ NodeId: "55001" })).Task).toMatchObject({ DagId: BIG_FLOW, NodeType: "CONDITION" });
    expect((await dms.getTask({ NodeId: "9007199254740997" })).Task).toMatchObject({
      DagId: FLOW,
      NodeName: "load",
      NodeType: "36",
    });
  });

  it("updates each field of a node, the V2 content in the request body", async () => {
    const dagId = await newFlow("node_updates");
    const NodeId = await newNode(dagId, "before");
    await dms.updateTaskName({ NodeId, NodeName: "after" });
    await dms.updateTaskContent({ NodeId, NodeContent: '{"sql":"select 2"}' });
    await dms.updateTaskConfig({ NodeId, NodeConfig: '{"retry":3}' });
    await dms.updateTaskOutput({ NodeId, NodeOutput: '{"outputs":[{"name":"n"}]}' });
    await dms.updateTaskTimeVariables({ NodeId, TimeVariables: '{"variables":[{"name":"t","pattern":"yyyyMMdd"}]}' });
    expect((await dms.getTask({ NodeId })).Task).toMatchObject({
      NodeName: "after",
      NodeContent: '{"sql":"select 2"}',
      NodeConfig: '{"retry":3}',
      NodeOutput: '{"outputs":[{"name":"n"}]}',
      TimeVariables: '{"variables":[{"name":"t","pattern":"yyyyMMdd"}]}',
    });
    const big = `{"sql":"${"x".repeat(20_000)}"}`;
    await dms.updateTaskContentV2({ NodeId, NodeContent: big });
    expect((await dms.getTask({ NodeId })).Task!.NodeContent).toBe(big);
  });

  it("refuses malformed time variables and a non-decimal NodeId as InvalidParameter, changing nothing", async () => {
    const dagId = await newFlow("node_checks");
    const NodeId = await newNode(dagId, "n");
    const error = await expectFailure(
      dms.updateTaskTimeVariables({ NodeId, TimeVariables: '[{"name":"t"}]' }),
      "InvalidParameter",
    );
    expect(error.message).toContain('"variables"');
    await expectFailure(
      dms.createTask({ DagId: dagId, NodeName: "m", NodeType: "NORMAL_SQL", TimeVariables: "not json" }),
      "InvalidParameter",
    );
    await expectFailure(dms.updateTaskName({ NodeId: "12ab", NodeName: "x" }), "InvalidParameter");
    expect((await dms.listTasksInTaskFlow({ DagId: dagId })).Tasks!.Task).toHaveLength(1);
    expect((await dms.getTask({ NodeId })).Task!.TimeVariables).toBe("");
  });

  it("deletes a node with the edges that touch it; unknown nodes are TaskNotFound", async () => {
    const dagId = await newFlow("node_delete");
    const [a, b, c] = [await newNode(dagId, "a"), await newNode(dagId, "b"), await newNode(dagId, "c")];
    await dms.addTaskFlowEdges({
      DagId: dagId,
      Edges: [
        { NodeFrom: a, NodeEnd: b },
        { NodeFrom: b, NodeEnd: c },
        { NodeFrom: a, NodeEnd: c },
      ],
    });
    await dms.deleteTask({ NodeId: b });
    const g = await graph(dagId);
    expect(g.Nodes!.Node!.map((n) => n.NodeId)).toEqual([a, c]);
    expect(g.Edges!.Edge!.map((x) => [x.NodeFrom, x.NodeEnd])).toEqual([[a, c]]);
    for (const call of [
      dms.deleteTask({ NodeId: b }),
      dms.getTask({ NodeId: b }),
      dms.updateTaskName({ NodeId: b, NodeName: "x" }),
      dms.updateTaskContentV2({ NodeId: b, NodeContent: "{}" }),
      dms.updateTaskConfig({ NodeId: b, NodeConfig: "{}" }),
      dms.updateTaskOutput({ NodeId: b }),
    ]) {
      await expectFailure(call, "TaskNotFound");
    }
  });
});

describe("edges", () => {
  const chain = async (name: string) => {
    const dagId = await newFlow(name);
    const nodes = [await newNode(dagId, "a"), await newNode(dagId, "b"), await newNode(dagId, "c")];
    return { dagId, nodes };
  };
  const edgesOf = async (DagId: string) =>
    (await dms.listTaskFlowEdgesByCondition({ DagId })).Edges!.Edge!.map((x) => [x.NodeFrom, x.NodeEnd]);

  it("adds edges, answering their IDs in order, and lists them by condition", async () => {
    const {
      dagId,
      nodes: [a, b, c],
    } = await chain("edges_add");
    const added = await dms.addTaskFlowEdges({
      DagId: dagId,
      Edges: [
        { NodeFrom: a!, NodeEnd: b! },
        { NodeFrom: b!, NodeEnd: c! },
      ],
    });
    const ids = added.EdgeIds!.EdgeId!;
    expect(ids).toHaveLength(2);
    expect(BigInt(ids[1]!)).toBe(BigInt(ids[0]!) + 1n);
    expect((await graph(dagId)).Edges!.Edge!.map((x) => [x.Id, x.DagId, x.NodeFrom, x.NodeEnd])).toEqual([
      [ids[0], dagId, a, b],
      [ids[1], dagId, b, c],
    ]);
    const fromB = await dms.listTaskFlowEdgesByCondition({ DagId: dagId, NodeFrom: b! });
    expect(fromB.Edges!.Edge).toEqual([{ Id: ids[1], NodeFrom: b, NodeEnd: c }]);
    expect((await dms.listTaskFlowEdgesByCondition({ DagId: dagId, Id: ids[0]!, NodeEnd: c! })).Edges!.Edge).toEqual([]);
  });

  it("refuses an edge that would close a cycle, and the whole request with it", async () => {
    const {
      dagId,
      nodes: [a, b, c],
    } = await chain("edges_cycle");
    await dms.addTaskFlowEdges({
      DagId: dagId,
      Edges: [
        { NodeFrom: a!, NodeEnd: b! },
        { NodeFrom: b!, NodeEnd: c! },
      ],
    });
    const error = await expectFailure(
      dms.addTaskFlowEdges({
        DagId: dagId,
        Edges: [
          { NodeFrom: a!, NodeEnd: c! },
          { NodeFrom: c!, NodeEnd: a! },
        ],
      }),
      "InvalidEdge",
    );
    expect(error.message).toContain("cycle");
    expect(error.message).toContain(`from node ${c} to node ${a}`);
    expect(await edgesOf(dagId)).toEqual([
      [a, b],
      [b, c],
    ]);
    await expectFailure(dms.addTaskFlowEdges({ DagId: dagId, Edges: [{ NodeFrom: a!, NodeEnd: a! }] }), "InvalidEdge");
    await expectFailure(dms.addTaskFlowEdges({ DagId: dagId, Edges: [{ NodeFrom: a!, NodeEnd: b! }] }), "InvalidEdge");
    // A node of another flow is not a node of this one.
    const stranger = await newNode(await newFlow("edges_stranger"), "s");
    await expectFailure(dms.addTaskFlowEdges({ DagId: dagId, Edges: [{ NodeFrom: a!, NodeEnd: stranger }] }), "InvalidEdge");
    expect(await edgesOf(dagId)).toEqual([
      [a, b],
      [b, c],
    ]);
  });

  it("updates edges by Id, refusing unknown edges and cycles", async () => {
    const {
      dagId,
      nodes: [a, b, c],
    } = await chain("edges_update");
    const [ab, bc] = (
      await dms.addTaskFlowEdges({
        DagId: dagId,
        Edges: [
          { NodeFrom: a!, NodeEnd: b! },
          { NodeFrom: b!, NodeEnd: c! },
        ],
      })
    ).EdgeIds!.EdgeId!;
    await expectFailure(
      dms.updateTaskFlowEdges({ DagId: dagId, Edges: [{ Id: bc!, NodeFrom: b!, NodeEnd: a! }] }),
      "InvalidEdge",
    );
    await expectFailure(
      dms.updateTaskFlowEdges({ DagId: dagId, Edges: [{ Id: "12345", NodeFrom: a!, NodeEnd: c! }] }),
      "EdgeNotFound",
    );
    await dms.updateTaskFlowEdges({ DagId: dagId, Edges: [{ Id: ab!, NodeFrom: a!, NodeEnd: c! }] });
    expect((await dms.listTaskFlowEdgesByCondition({ DagId: dagId })).Edges!.Edge).toEqual([
      { Id: ab, NodeFrom: a, NodeEnd: c },
      { Id: bc, NodeFrom: b, NodeEnd: c },
    ]);
  });

  it("replaces the whole set with UpdateTaskFlowRelations, keeping named Ids", async () => {
    const {
      dagId,
      nodes: [a, b, c],
    } = await chain("edges_relations");
    const [ab] = (
      await dms.addTaskFlowEdges({
        DagId: dagId,
        Edges: [
          { NodeFrom: a!, NodeEnd: b! },
          { NodeFrom: a!, NodeEnd: c! },
        ],
      })
    ).EdgeIds!.EdgeId!;
    await expectFailure(
      dms.updateTaskFlowRelations({
        DagId: dagId,
        Edges: [
          { NodeFrom: b!, NodeEnd: c! },
          { NodeFrom: c!, NodeEnd: b! },
        ],
      }),
      "InvalidEdge",
    );
    await dms.updateTaskFlowRelations({
      DagId: dagId,
      Edges: [
        { Id: ab!, NodeFrom: a!, NodeEnd: b! },
        { NodeFrom: b!, NodeEnd: c! },
      ],
    });
    const edges = (await dms.listTaskFlowEdgesByCondition({ DagId: dagId })).Edges!.Edge!;
    expect(edges.map((x) => [x.NodeFrom, x.NodeEnd])).toEqual([
      [a, b],
      [b, c],
    ]);
    expect(edges[0]!.Id).toBe(ab);
    await dms.updateTaskFlowRelations({ DagId: dagId });
    expect(await edgesOf(dagId)).toEqual([]);
  });

  it("deletes edges by condition; no condition is MissingParameter, an unknown Id EdgeNotFound", async () => {
    const {
      dagId,
      nodes: [a, b, c],
    } = await chain("edges_delete");
    const [ab] = (
      await dms.addTaskFlowEdges({
        DagId: dagId,
        Edges: [
          { NodeFrom: a!, NodeEnd: b! },
          { NodeFrom: a!, NodeEnd: c! },
          { NodeFrom: b!, NodeEnd: c! },
        ],
      })
    ).EdgeIds!.EdgeId!;
    await expectFailure(dms.deleteTaskFlowEdgesByCondition({ DagId: dagId }), "MissingParameter");
    await expectFailure(dms.deleteTaskFlowEdgesByCondition({ DagId: dagId, Id: "999" }), "EdgeNotFound");
    await dms.deleteTaskFlowEdgesByCondition({ DagId: dagId, NodeEnd: c! });
    expect(await edgesOf(dagId)).toEqual([[a, b]]);
    await dms.deleteTaskFlowEdgesByCondition({ DagId: dagId, Id: ab! });
    expect(await edgesOf(dagId)).toEqual([]);
  });
});
