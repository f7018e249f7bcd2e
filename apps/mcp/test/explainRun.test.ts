import { DmsClient, DmsError, GetTaskInstanceRelationCommand } from "@dmsflow/core";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, connect, KEY, startSandbox } from "./fixtures/mcpSession.js";

// The emulator is learning to run flows (GetTaskInstanceRelation, node execution) in parallel work.
// Until it does, it answers Emulator.NotImplemented, and this end-to-end file is skipped; the
// explain logic itself is unit-tested on answers in the spec's shape (src/taskTools/explainRun.test.ts).
const sandbox = await startSandbox();
const probe = new DmsClient({
  endpoint: sandbox.emulator.url,
  credentials: { accessKeyId: KEY.id, accessKeySecret: KEY.secret },
});
const emulatorRunsFlows = await probe.send(GetTaskInstanceRelationCommand, { DagId: "1134137", DagInstanceId: "31016" }).then(
  () => true,
  (error: unknown) => !(error instanceof DmsError && error.code === "Emulator.NotImplemented"),
);
probe.destroy();

afterAll(() => sandbox.close());

describe.skipIf(!emulatorRunsFlows)("explain_run against the emulator running a flow that fails", () => {
  let client: Client;
  let dagId: string;
  let runId: string;

  beforeAll(async () => {
    client = await connect(sandbox.emulator.url, sandbox.home, ["--allow-changes", "--max-changes", "50"]);
    const ok = async (tool: string, args: Record<string, unknown>) => {
      const answer = await call(client, tool, args);
      expect(answer.isError, `${tool}: ${answer.text}`).toBe(false);
      return answer;
    };
    // Through the public API: a flow of two nodes, the second one's SQL failing (division by zero), run once.
    const created = await ok("CreateTaskFlow", { DagName: "mcp_explain_e2e", Description: "explain_run test" });
    dagId = created.json.DagId;
    const first = await ok("CreateTask", { DagId: dagId, NodeName: "extract", NodeType: "SQL_STATUS_CHECK" });
    const second = await ok("CreateTask", {
      DagId: dagId,
      NodeName: "transform",
      NodeType: "NORMAL_SQL",
      NodeContent: JSON.stringify({ sql: "SELECT 1/0" }),
    });
    await ok("AddTaskFlowEdges", { DagId: dagId, Edges: [{ NodeFrom: first.json.NodeId, NodeEnd: second.json.NodeId }] });
    await ok("PublishAndDeployTaskFlow", { DagId: dagId });
    runId = (await ok("TryRunTaskFlow", { DagId: dagId })).json.InstanceId;
    await ok("wait_for_run", { DagId: dagId, DagInstanceId: runId, timeoutSeconds: 60, intervalSeconds: 1 });
  });

  afterAll(() => client?.close());

  it("names the failed node first with its message, then every node in order", async () => {
    const { json, isError, text } = await call(client, "explain_run", { DagId: dagId, DagInstanceId: runId });
    expect(isError).toBe(false);
    expect(json.run).toMatchObject({ id: runId, status: "failed" });
    expect(json.failedNodes[0]).toMatchObject({ name: "transform", status: "failed", message: expect.any(String) });
    expect(json.nodes.map((n: { name: string }) => n.name)).toEqual(["extract", "transform"]);
    expect(text).not.toContain(KEY.secret);
  });
});
