import { InstanceStatus, InstanceTriggerType } from "@dmsflow/client";
import type { TaskFlowRun, TaskFlowRunNode } from "@dmsflow/core";
import { describe, expect, it } from "vitest";
import { createPalette } from "./color.js";
import { displayWidth } from "./displayWidth.js";
import { runPicture } from "./flowPicture.js";

const node = (nodeId: string, name: string, upstream: string[], more: Partial<TaskFlowRunNode> = {}): TaskFlowRunNode => ({
  nodeId,
  name,
  type: "NORMAL_SQL",
  upstream,
  status: InstanceStatus.succeeded,
  runId: `9${nodeId}`,
  businessTime: undefined,
  endTime: "2024-01-01 00:00:01",
  executeTime: "1000",
  message: undefined,
  inGraph: true,
  ...more,
});
const run = (nodes: TaskFlowRunNode[]): TaskFlowRun => ({
  dagId: "11",
  dagName: "订单_etl",
  instanceId: "9007199254740993",
  status: InstanceStatus.failed,
  triggerType: InstanceTriggerType.scheduled,
  version: "2002",
  startTime: "2024-01-01 00:00:00",
  endTime: "2024-01-01 00:00:02",
  businessTime: undefined,
  message: undefined,
  nodes,
  edges: [],
  failedNodes: nodes.filter((n) => n.status === InstanceStatus.failed),
});
const plain = createPalette(false);

describe("runPicture", () => {
  it("aligns columns by display width (wide names count two) and cuts names beyond 32 columns", () => {
    const long = "x".repeat(40);
    const picture = runPicture(run([node("1", "载入订单", []), node("2", long, ["1"])]), plain);
    const lines = picture.split("\n").filter((line) => line.includes("  succeeded  "));
    expect(lines.map((line) => displayWidth(line.slice(0, line.indexOf("succeeded"))))).toEqual([38, 38]);
    expect(picture).toContain(`${"x".repeat(31)}…`);
    expect(picture).toContain("<- 载入订单");
  });

  it("marks a failed node, prints its message escaped below it, and lists node runs no longer in the graph", () => {
    const picture = runPicture(
      run([
        node("1", "extract", []),
        node("2", "load", ["1"], { status: InstanceStatus.failed, message: "bad\nrow" }),
        node("3", "old_step", [], { inGraph: false, status: InstanceStatus.succeeded }),
      ]),
      plain,
    );
    expect(picture).toContain("2 > load      failed     2024-01-01 00:00:01  <- extract\n    bad\\nrow\n");
    expect(picture).toContain(
      "-   old_step  succeeded  2024-01-01 00:00:01\n-: node runs of nodes no longer in the flow's graph\n",
    );
    expect(picture).toContain("version 2002, started by periodic scheduling, from 2024-01-01 00:00:00 to 2024-01-01 00:00:02");
    expect(picture).toContain("Failed: load (node 2): bad\\nrow");
  });
});
