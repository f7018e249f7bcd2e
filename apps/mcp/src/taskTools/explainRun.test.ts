import type { DAGInstance, GetTaskFlowGraphOutput, GetTaskInstanceRelationOutput } from "@dmsflow/client";
import { flowGraphOf, taskFlowRunOf } from "@dmsflow/core";
import { describe, expect, it } from "vitest";
import { explainRun } from "./explainRun.js";

// Answers in the spec's shapes (GetTaskFlowGraph, GetTaskInstanceRelation), as the client reads them.
const graph: GetTaskFlowGraphOutput = {
  RequestId: "r1",
  Success: true,
  TaskFlowGraph: {
    DagName: "nightly_orders_etl",
    Nodes: {
      Node: [
        { NodeId: "44003", NodeName: "publish" },
        { NodeId: "44002", NodeName: "aggregate_daily" },
        { NodeId: "44001", NodeName: "load_orders" },
      ],
    },
    Edges: {
      Edge: [
        { Id: "1", NodeFrom: "44001", NodeEnd: "44002" },
        { Id: "2", NodeFrom: "44002", NodeEnd: "44003" },
      ],
    },
  },
};
const relation: GetTaskInstanceRelationOutput = {
  RequestId: "r2",
  Success: true,
  NodeList: {
    Node: [
      { Id: "9007199254740993", NodeId: "44001", NodeName: "load_orders", Status: 4, EndTime: "2026-11-24 02:01:00" },
      { Id: "9007199254740995", NodeId: "44002", NodeName: "aggregate_daily", Status: 3, Message: "division by zero" },
      { Id: "9007199254740994", NodeId: "44002", NodeName: "aggregate_daily", Status: 1 },
    ],
  },
};

// The answers joined as describeTaskFlowRun joins them, through core's own functions.
function facts(answers: {
  graph: GetTaskFlowGraphOutput;
  relation: GetTaskInstanceRelationOutput;
  instanceId: string;
  instance: DAGInstance | undefined;
}) {
  const g = answers.graph.TaskFlowGraph;
  const flow = flowGraphOf("1134137", g?.DagName, g?.Nodes?.Node ?? [], g?.Edges?.Edge ?? []);
  return taskFlowRunOf(flow, answers.instanceId, answers.instance, answers.relation.NodeList?.Node ?? []);
}

describe("explainRun", () => {
  it("puts the failed node first with its message, every node in dependency order, ids exact", () => {
    const explained = explainRun(
      facts({
        graph,
        relation,
        instanceId: "31016",
        instance: { Id: "31016", DagId: "1134137", Status: 3, Message: "Node aggregate_daily failed" },
      }),
    );
    expect(explained.failedNodes).toEqual([
      {
        nodeId: "44002",
        name: "aggregate_daily",
        status: "failed",
        message: "division by zero",
        endTime: undefined,
        upstream: ["44001"],
      },
    ]);
    expect(explained.nodes.map((n) => [n.name, n.status])).toEqual([
      ["load_orders", "succeeded"],
      ["aggregate_daily", "failed"],
      ["publish", "notRun"],
    ]);
    expect(explained.run).toMatchObject({ id: "31016", status: "failed" });
    expect(explained.summary).toBe("Run 31016 is failed; node aggregate_daily failed: division by zero.");
  });

  it("says when no node failed and the run was not found, and cuts long messages", () => {
    const long = "x".repeat(2000);
    const explained = explainRun(
      facts({
        graph,
        relation: { RequestId: "r3", NodeList: { Node: [{ Id: "1", NodeId: "44001", Status: 1, Message: long }] } },
        instanceId: "5",
        instance: undefined,
      }),
    );
    expect(explained.failedNodes).toEqual([]);
    expect(explained.summary).toBe("Run 5 was not found in ListTaskFlowInstance; no node failed (1 running, 2 notRun).");
    expect(explained.nodes[0]!.message!.length).toBeLessThan(600);
    expect(explained.nodes[0]!.message).toContain("(2000 characters)");
  });

  it("keeps node runs whose node is no longer in the graph", () => {
    const explained = explainRun(
      facts({
        graph: { RequestId: "r4" },
        relation: { RequestId: "r5", NodeList: { Node: [{ Id: "1", NodeId: "7", NodeName: "gone", Status: 3 }] } },
        instanceId: "6",
        instance: undefined,
      }),
    );
    expect(explained.failedNodes.map((n) => n.name)).toEqual(["gone"]);
  });
});
