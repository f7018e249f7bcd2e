import {
  GetTaskFlowGraphCommand,
  ListDAGVersionsCommand,
  ListTaskFlowCommand,
  ListTaskFlowInstanceCommand,
} from "@dmsflow/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectBusinessFailure, expectSuccess } from "./fixtures/expectations.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { BIG_FLOW, BIG_INSTANCE, FLOW } from "./fixtures/testSeed.js";

let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator();
});
afterAll(() => e.close());

const list = async (params: Record<string, string>) => {
  const reply = await e.v3("ListTaskFlowInstance", { DagId: FLOW, PageIndex: "1", PageSize: "100", ...params });
  expectSuccess(reply);
  const out = ListTaskFlowInstanceCommand.deserialize(reply.text);
  return { total: out.TotalCount, ids: out.DAGInstanceList!.DAGInstance!.map((i) => i.Id), out, text: reply.text };
};

describe("ListTaskFlowInstance", () => {
  it("prints the documented shape: Id a raw int64, DagId a string, startTime lower-case", async () => {
    const { text, out } = await list({ Status: "2" });
    expect(text).toContain(`{"Id":${BIG_INSTANCE},"DagId":"${FLOW}","DagName":"nightly_etl","DagVersion":"102","Status":2,`);
    expect(text).toContain('"startTime":"2026-01-09 10:00:00"');
    expect(text).not.toMatch(/"Id":"/);
    expect(out.DAGInstanceList!.DAGInstance![0]).toMatchObject({
      Id: BIG_INSTANCE,
      DagId: FLOW,
      OwnerName: "alice",
      TriggerType: 0,
    });
  });

  it("pages newest first (by Id), with TotalCount of every match", async () => {
    const all = await list({});
    expect(all.total).toBe(7);
    expect(all.ids).toEqual([BIG_INSTANCE, "1005", "1004", "1003", "1002", "1001", "1000"]);
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(await list({ PageIndex: String(page), PageSize: "2" }));
    expect(pages.map((p) => p.ids)).toEqual([[BIG_INSTANCE, "1005"], ["1004", "1003"], ["1002", "1001"], ["1000"]]);
    expect(pages.every((p) => p.total === 7)).toBe(true);
    expect((await list({ PageIndex: "9", PageSize: "2" })).ids).toEqual([]);
  });

  it("filters by status and trigger type", async () => {
    expect((await list({ Status: "2" })).ids).toEqual([BIG_INSTANCE, "1002"]);
    expect((await list({ Status: "4" })).ids).toEqual(["1004"]);
    expect((await list({ TriggerType: "1" })).ids).toEqual(["1005", "1003", "1001"]);
    expect((await list({ Status: "3", TriggerType: "0" })).ids).toEqual([]);
  });

  it("filters by run date (startTime), both ends inclusive", async () => {
    expect((await list({ StartTimeBegin: "2026-01-02", StartTimeEnd: "2026-01-04" })).ids).toEqual(["1003", "1002", "1001"]);
    expect((await list({ StartTimeBegin: "2026-01-06" })).ids).toEqual([BIG_INSTANCE, "1005"]);
    expect((await list({ StartTimeEnd: "2026-01-01" })).ids).toEqual(["1000"]);
  });

  it("filters by business date with UseBizDate=true", async () => {
    const byBiz = await list({ UseBizDate: "true", StartTimeBegin: "2025-12-31", StartTimeEnd: "2025-12-31" });
    expect(byBiz.ids).toEqual(["1005", "1003", "1001"]);
    const byRun = await list({ UseBizDate: "false", StartTimeBegin: "2025-12-31", StartTimeEnd: "2025-12-31" });
    expect(byRun.ids).toEqual([]);
  });

  it("keeps int64 IDs exact in: 9007199254740993 is not 9007199254740992", async () => {
    expectBusinessFailure(
      await e.v3("SuspendTaskFlowInstance", { DagId: FLOW, DagInstanceId: "9007199254740992" }),
      "TaskFlowInstanceNotFound",
    );
    expectSuccess(await e.v3("StopTaskFlowInstance", { DagId: FLOW, DagInstanceId: BIG_INSTANCE }));
    expect((await e.admin("GET", `inspect/instances/${BIG_INSTANCE}`)).json.status).toBe(3);
  });

  it("serves a flow whose DagId is beyond 2^53, as a string in DAGInstance", async () => {
    const reply = await e.v1("ListTaskFlowInstance", { DagId: BIG_FLOW, PageIndex: "1", PageSize: "10" }, undefined, {
      method: "GET",
    });
    expect(reply.text).toContain(`"Id":3002,"DagId":"${BIG_FLOW}"`);
  });
});

describe("ListTaskFlow", () => {
  it("lists the tenant's flows with their newest instance", async () => {
    const reply = await e.v3("ListTaskFlow");
    const flows = ListTaskFlowCommand.deserialize(reply.text).TaskFlowList!.TaskFlow!;
    expect(reply.text).toContain(`"Id":${BIG_FLOW},`);
    expect(flows.map((f) => f.Id)).toEqual([FLOW, BIG_FLOW]);
    expect(flows[0]).toMatchObject({
      DagOwnerNickName: "alice",
      CreatorId: "510001",
      Status: 2,
      LatestInstanceTime: "2026-01-09",
    });
  });
});

describe("GetTaskFlowGraph", () => {
  it("returns nodes and edges with exact int64 IDs", async () => {
    const reply = await e.v3("GetTaskFlowGraph", { DagId: FLOW });
    expect(reply.text).toContain('"NodeId":9007199254740997');
    const graph = GetTaskFlowGraphCommand.deserialize(reply.text).TaskFlowGraph!;
    expect(graph).toMatchObject({ DagName: "nightly_etl", CanEdit: true, Status: "2" });
    expect(graph.Nodes!.Node!.map((n) => [n.NodeId, n.NodeName, n.DagId])).toEqual([
      ["44001", "extract", FLOW],
      ["9007199254740997", "load", FLOW],
    ]);
    expect(graph.Edges!.Edge).toEqual([{ Id: "1", DagId: FLOW, NodeFrom: "44001", NodeEnd: "9007199254740997" }]);
  });

  it("answers an empty graph for a flow seeded without one", async () => {
    const graph = GetTaskFlowGraphCommand.deserialize((await e.v3("GetTaskFlowGraph", { DagId: BIG_FLOW })).text).TaskFlowGraph!;
    expect(graph).toMatchObject({ DagName: "big_flow", Nodes: { Node: [] }, Edges: { Edge: [] } });
  });
});

describe("ListDAGVersions", () => {
  it("lists versions newest first, each pointing to the one before", async () => {
    const reply = await e.v3("ListDAGVersions", { DagId: FLOW, PageIndex: "1", PageSize: "10" });
    const out = ListDAGVersionsCommand.deserialize(reply.text);
    expect(out.TotalCount).toBe(2);
    expect(out.DagVersionList!.DagVersion).toEqual([
      {
        VersionId: "102",
        LastVersionId: "101",
        DagName: "nightly_etl",
        DagOwnerId: "510001",
        DagOwnerNickName: "alice",
        VersionComments: "",
      },
      { VersionId: "101", DagName: "nightly_etl", DagOwnerId: "510001", DagOwnerNickName: "alice", VersionComments: "first" },
    ]);
    const second = ListDAGVersionsCommand.deserialize(
      (await e.v3("ListDAGVersions", { DagId: FLOW, PageIndex: "2", PageSize: "1" })).text,
    );
    expect(second.DagVersionList!.DagVersion!.map((v) => v.VersionId)).toEqual(["101"]);
  });
});
