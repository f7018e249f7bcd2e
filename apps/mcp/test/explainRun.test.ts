import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, call, connect, KEY, startSandbox } from "./fixtures/mcpSession.js";

const sandbox = await startSandbox();
afterAll(() => sandbox.close());

/** Sets a node's simulated behaviour through the emulator's admin API (the one thing the DMS API cannot say). */
async function setBehaviour(dagId: string, nodeId: string, behaviour: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandbox.emulator.url}/_emulator/flows/${dagId}/nodes/${nodeId}/behaviour`, {
    method: "PUT",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(behaviour),
  });
  expect(response.status, await response.text()).toBe(200);
}

describe("explain_run against the emulator running a flow that fails", () => {
  let client: Client;
  const dagId = "1134137"; // the demo seed's nightly_orders_etl: load_orders (44001) -> aggregate_daily (44002)
  let runId: string;

  beforeAll(async () => {
    client = await connect(sandbox.emulator.url, sandbox.home, ["--allow-changes", "--max-changes", "50"]);
    const ok = async (tool: string, args: Record<string, unknown>) => {
      const answer = await call(client, tool, args);
      expect(answer.isError, `${tool}: ${answer.text}`).toBe(false);
      return answer;
    };
    await setBehaviour(dagId, "44001", { durationMs: 20 });
    await setBehaviour(dagId, "44002", { durationMs: 20, failNext: { message: "division by zero" } });
    // Through the public API, as an agent would: publish the graph, start a run, wait for it to end.
    await ok("PublishAndDeployTaskFlow", { DagId: dagId });
    runId = String((await ok("TryRunTaskFlow", { DagId: dagId })).json.InstanceId);
    await ok("wait_for_run", { DagId: dagId, DagInstanceId: runId, timeoutSeconds: 60, intervalSeconds: 1 });
  });

  afterAll(() => client?.close());

  it("names the failed node first with its message, then every node in order", async () => {
    const { json, isError, text } = await call(client, "explain_run", { DagId: dagId, DagInstanceId: runId });
    expect(isError).toBe(false);
    expect(json.run).toMatchObject({ id: runId, status: "failed" });
    expect(json.failedNodes).toMatchObject([{ name: "aggregate_daily", status: "failed", message: "division by zero" }]);
    expect(json.nodes.map((n: { name: string; status: string }) => [n.name, n.status])).toEqual([
      ["load_orders", "succeeded"],
      ["aggregate_daily", "failed"],
    ]);
    expect(text).not.toContain(KEY.secret);
  });

  it("waits for one node of the run: by name it answers the node with its message; an unknown name lists the nodes", async () => {
    const byName = await call(client, "wait_for_run", { DagId: dagId, DagInstanceId: runId, nodeName: "aggregate_daily" });
    expect(byName.isError, byName.text).toBe(false);
    expect(byName.json).toMatchObject({
      reached: true,
      node: { nodeId: "44002", name: "aggregate_daily", status: "failed", message: "division by zero" },
    });
    const byId = await call(client, "wait_for_run", {
      DagId: dagId,
      DagInstanceId: runId,
      NodeId: "44001",
      until: ["succeeded"],
    });
    expect(byId.json).toMatchObject({ reached: true, node: { name: "load_orders", status: "succeeded" } });

    const unknown = await call(client, "wait_for_run", { DagId: dagId, DagInstanceId: runId, nodeName: "aggregate" });
    expect(unknown.isError).toBe(true);
    expect(unknown.json.error).toMatchObject({ code: "TaskFlowNodeNotFound" });
    expect(unknown.json.error.message).toContain('its nodes: "load_orders" (44001), "aggregate_daily" (44002).');
  });
});
