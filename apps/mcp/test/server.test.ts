import { operationTable } from "@dmsflow/client";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, connect, KEY, startSandbox } from "./fixtures/mcpSession.js";

const FLOW = "1134137";
// Beyond 2^53: a JSON number would turn it into ...992.
const BIG_SUSPENDED = "9007199254740993";
const TASK_TOOLS = [
  "find_task_flow",
  "list_problem_runs",
  "explain_run",
  "wait_for_run",
  "resume_run",
  "rerun_run",
  "resume_all_suspended",
];

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
const clients: Client[] = [];
const answers: string[] = [];

async function session(flags: readonly string[] = []): Promise<Client> {
  const client = await connect(sandbox.emulator.url, sandbox.home, flags);
  clients.push(client);
  return client;
}

async function run(client: Client, name: string, args: Record<string, unknown> = {}) {
  const answer = await call(client, name, args);
  answers.push(answer.text);
  return answer;
}

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterAll(async () => {
  for (const client of clients) await client.close();
  await sandbox?.close();
});

describe("dmsflow-mcp over stdio against the emulator", () => {
  it("lists one tool per operation of the spec, then the task tools, read-only ones marked", async () => {
    const client = await session();
    const { tools } = await client.listTools();
    const actions = Object.keys(operationTable);
    expect(actions).toHaveLength(52);
    expect(tools.map((t) => t.name)).toEqual([...actions, ...TASK_TOOLS]);
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get("ListTaskFlowInstance")!.annotations?.readOnlyHint).toBe(true);
    expect(byName.get("ResumeTaskFlowInstance")!.annotations?.readOnlyHint).toBe(false);
    const schema = byName.get("ListTaskFlowInstance")!.inputSchema as any;
    expect(schema.required).toEqual(["DagId", "PageIndex", "PageSize"]);
    expect(schema.properties.DagId).toMatchObject({ type: "string", pattern: expect.any(String) });
    expect(schema.properties.PageSize).toMatchObject({ type: "integer", minimum: 1, maximum: 100 });
    expect(schema.properties.Status.enum).toEqual(["waiting", "running", "suspended", "failed", "succeeded", "completed"]);
    expect(byName.get("ResumeTaskFlowInstance")!.inputSchema.properties).toHaveProperty("dryRun");
    expect(schema.properties).not.toHaveProperty("dryRun");
  });

  it("calls a read tool with an enum by name and answers ids as exact strings", async () => {
    const client = await session();
    const { json, isError } = await run(client, "ListTaskFlowInstance", {
      DagId: FLOW,
      PageIndex: 1,
      PageSize: 100,
      Status: "suspended",
    });
    expect(isError).toBe(false);
    const ids = json.DAGInstanceList.DAGInstance.map((i: { Id: string }) => i.Id);
    expect(ids).toContain(BIG_SUSPENDED);
    expect(json.DAGInstanceList.DAGInstance.every((i: { Status: number }) => i.Status === 2)).toBe(true);
  });

  it("answers a wrong argument with the parameter and the rule it breaks", async () => {
    const client = await session();
    const { json, isError } = await run(client, "ListTaskFlowInstance", { DagId: FLOW, PageIndex: 1, PageSize: 500 });
    expect(isError).toBe(true);
    expect(json.error).toMatchObject({ code: "InvalidParameter", parameter: "PageSize" });
    expect(json.error.message).toContain("100 or less");
  });

  it("lists problem runs newest first with status names", async () => {
    const client = await session();
    const { json } = await run(client, "list_problem_runs", { DagId: FLOW, status: "failed" });
    expect(json.runs.map((r: { id: string }) => r.id).sort()).toEqual(["31016", "31017"]);
    expect(json.runs[0]).toMatchObject({ status: "failed", message: "Node load_orders failed: connection timed out" });
  });

  it("refuses a changing tool in read-only mode, saying how to allow it", async () => {
    const client = await session();
    for (const [tool, args] of [
      ["ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "31001" }],
      ["resume_run", { DagId: FLOW, DagInstanceId: "31001" }],
    ] as const) {
      const { json, isError } = await run(client, tool, args);
      expect(isError).toBe(true);
      expect(json.error.code).toBe("ChangesNotAllowed");
      expect(json.error.message).toContain("--allow-changes");
    }
    const still = await run(client, "list_problem_runs", { DagId: FLOW, status: "suspended", limit: 200 });
    expect(still.json.runs.map((r: { id: string }) => r.id)).toContain("31001");
  });

  it("dry-runs a changing tool in read-only mode: the signed request, redacted, and nothing sent", async () => {
    const client = await session();
    const { json, isError } = await run(client, "ResumeTaskFlowInstance", {
      DagId: FLOW,
      DagInstanceId: BIG_SUSPENDED,
      dryRun: true,
    });
    expect(isError).toBe(false);
    expect(json).toMatchObject({ dryRun: true, action: "ResumeTaskFlowInstance", method: "POST" });
    expect(json.url).toContain(`DagInstanceId=${BIG_SUSPENDED}`);
    expect(json.url.startsWith(sandbox.emulator.url)).toBe(true);
    expect(json.headers.authorization).toMatch(/Signature=\*\*\*/);
    const after = await run(client, "list_problem_runs", { DagId: FLOW, status: "suspended", limit: 200 });
    expect(after.json.runs.map((r: { id: string }) => r.id)).toContain(BIG_SUSPENDED);
  });

  it("resumes a suspended run when allowed, with its exact int64 id", async () => {
    const client = await session(["--allow-changes"]);
    const { json, isError } = await run(client, "resume_run", { DagId: FLOW, DagInstanceId: BIG_SUSPENDED });
    expect(isError).toBe(false);
    expect(json).toMatchObject({ resumed: true, runId: BIG_SUSPENDED });
    const waited = await run(client, "wait_for_run", {
      DagId: FLOW,
      DagInstanceId: BIG_SUSPENDED,
      until: ["running"],
      timeoutSeconds: 5,
    });
    expect(waited.json).toMatchObject({ reached: true, run: { id: BIG_SUSPENDED, status: "running" } });
  });

  it("stops at the session's budget of changing calls", async () => {
    const client = await session(["--allow-changes", "--max-changes", "2"]);
    for (const id of ["31002", "31003"]) {
      expect((await run(client, "ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: id })).isError).toBe(false);
    }
    const third = await run(client, "ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "31004" });
    expect(third.isError).toBe(true);
    expect(third.json.error.code).toBe("ChangeBudgetExhausted");
    expect(third.json.error.message).toContain("--max-changes");
    // A dry run costs nothing and still works; a new session has its own budget.
    expect((await run(client, "ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "31004", dryRun: true })).json.dryRun).toBe(
      true,
    );
    const fresh = await session(["--allow-changes", "--max-changes", "2"]);
    expect((await run(fresh, "ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "31004" })).isError).toBe(false);
  });

  it("puts no secret in any answer (AccessKey secret, signature, token)", () => {
    expect(answers.length).toBeGreaterThan(10);
    for (const text of answers) {
      expect(text).not.toContain(KEY.secret);
      expect(text).not.toMatch(/Signature=(?!\*\*\*)[^&,\s"]+/);
      expect(text).not.toMatch(/SecurityToken=(?!\*\*\*)/);
    }
  });
});
