import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { expectGatewayError, expectSuccess } from "./fixtures/expectations.js";
import { sendRequest } from "./fixtures/sendRequest.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { FLOW, KEYS, OTHER_FLOW } from "./fixtures/testSeed.js";

let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator();
});
afterAll(() => e.close());

describe("admin access", () => {
  it("serves /_emulator/health without a token", async () => {
    const reply = await sendRequest(e.url, { method: "GET", path: "/_emulator/health" });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ status: "ok" });
  });

  it("refuses a missing or wrong bearer token with 401", async () => {
    for (const headers of [{}, { authorization: "Bearer nope" }, { authorization: "test-admin-token" }] as Record<
      string,
      string
    >[]) {
      const reply = await sendRequest(e.url, { method: "GET", path: "/_emulator/inspect", headers });
      expect(reply.status).toBe(401);
      expect(reply.json).toMatchObject({ Code: "AdminUnauthorized" });
    }
  });

  it("is disabled (403, saying how to enable it) without --admin-token", async () => {
    const open = await startEmulator();
    try {
      const reply = await sendRequest(open.url, {
        method: "POST",
        path: "/_emulator/reset",
        headers: { authorization: "Bearer x" },
      });
      expect(reply.status).toBe(403);
      expect(reply.json.Message).toContain("--admin-token");
    } finally {
      await open.close();
    }
  });

  it("answers an unknown admin endpoint with 404", async () => {
    expect((await e.admin("GET", "nothing-here")).status).toBe(404);
  });
});

describe("seed", () => {
  it("merges a seed: new rows are added, rows with the same ID replaced", async () => {
    const reply = await e.admin("POST", "seed", {
      instances: [
        { Id: 60001, DagId: FLOW, status: 2 },
        { Id: 1000, DagId: FLOW, status: 3 },
      ],
    });
    expect(reply.json).toEqual({ mode: "merge", seeded: { tenants: 0, accessKeys: 0, taskFlows: 0, instances: 2 } });
    expect((await e.admin("GET", "inspect/instances/60001")).json.status).toBe(2);
    expect((await e.admin("GET", "inspect/instances/1000")).json.status).toBe(3);
  });

  it("keeps int64 IDs exact in a seed body (raw JSON numbers beyond 2^53)", async () => {
    const reply = await e.admin("POST", "seed", `{"instances":[{"Id":9007199254740999,"DagId":${FLOW},"status":2}]}`);
    expect(reply.status).toBe(200);
    expect((await e.admin("GET", "inspect/instances/9007199254740999")).json.Id).toBe("9007199254740999");
  });

  it.each([
    [
      { instances: [{ Id: 1, DagId: FLOW, status: 7 }] },
      "Invalid seed: instances[0].status must be one of 0 (waiting to be scheduled), 1 (running), 2 (suspended), 3 (failed), 4 (succeeded), 5 (completed); got 7.",
    ],
    [
      { instances: [{ Id: 1, DagId: "404", status: 1 }] },
      "Invalid seed: instance 1 belongs to task flow 404, which is not seeded.",
    ],
    [
      { accessKeys: [{ id: "k", secret: "s", tenants: [77] }] },
      "Invalid seed: access key k refers to tenant 77, which is not seeded.",
    ],
    [
      { tenants: [{ Tid: 1, name: "x", color: "red" }] },
      'Invalid seed: tenants[0] has an unknown field "color"; known fields: Tid, name.',
    ],
  ])("refuses a bad seed, naming the field, and changes nothing: %j", async (seed, message) => {
    const before = (await e.admin("GET", "inspect")).json;
    const reply = await e.admin("POST", "seed", seed);
    expect(reply.status).toBe(400);
    expect(reply.json.Code).toBe("SeedError");
    expect(reply.json.Message).toContain(message);
    expect((await e.admin("GET", "inspect")).json).toEqual(before);
  });

  it("refuses, from code, a number that has already lost digits (beyond 2^53)", async () => {
    const seed = { tenants: [{ Tid: 2 ** 53 + 2, name: "lossy" }] };
    await expect(startEmulator({ seed })).rejects.toThrow(
      "Invalid seed: tenants[0].Tid must be an int64 (a decimal string or a safe integer) (a number beyond 2^53 has lost digits: write it as a string); got 9007199254740994.",
    );
  });

  it("replaces everything with mode=replace, and refuses an unknown mode", async () => {
    const local = await startTestEmulator();
    try {
      const reply = await local.admin("POST", "seed?mode=replace", {
        tenants: [{ Tid: 8, name: "solo" }],
        accessKeys: [{ id: "solo", secret: "s", tenants: [8] }],
      });
      expect(reply.json.mode).toBe("replace");
      expectGatewayError(await local.v3("ListTaskFlow"), "InvalidAccessKeyId.NotFound");
      expectSuccess(await local.v3("ListTaskFlow", {}, { id: "solo", secret: "s" }));
      expect((await local.admin("POST", "seed?mode=upsert", {})).status).toBe(400);
    } finally {
      await local.close();
    }
  });
});

describe("reset, inspect, instances, stats", () => {
  it("inspects the state without any secret or token", async () => {
    const reply = await e.admin("GET", "inspect");
    expect(reply.status).toBe(200);
    expect(reply.json.tenants).toContainEqual({ Tid: "3", name: "alpha" });
    expect(reply.json.accessKeys).toContainEqual(expect.objectContaining({ id: "key-sts", sts: true, tenants: ["3"] }));
    expect(reply.json.taskFlows).toContainEqual(expect.objectContaining({ DagId: FLOW, Tid: "3", name: "nightly_etl" }));
    for (const key of Object.values(KEYS)) expect(reply.text).not.toContain(key.secret);
    expect(reply.text).not.toContain(KEYS.sts.securityToken);
  });

  it("lists instances by flow and status, and sets a status directly", async () => {
    const list = await e.admin("GET", `inspect/instances?DagId=${OTHER_FLOW}&status=2`);
    expect(list.json.instances).toEqual([expect.objectContaining({ Id: "2002", DagId: OTHER_FLOW, status: 2 })]);
    expect((await e.admin("GET", `inspect/instances?DagId=${OTHER_FLOW}&status=1`)).json.instances).toEqual([]);
    const patched = await e.admin("PATCH", "instances/1001", { status: 4 });
    expect(patched.json).toMatchObject({ Id: "1001", status: 4 });
    expect((await e.admin("PATCH", "instances/1001", { status: 9 })).status).toBe(400);
    for (const body of ["null", "[]", '"x"', "1"]) {
      const reply = await e.admin("PATCH", "instances/1001", body);
      expect([body, reply.status, reply.json.Code]).toEqual([body, 400, "InvalidStatus"]);
    }
    expect((await e.admin("PATCH", "instances/123456", { status: 1 })).status).toBe(404);
    expect((await e.admin("GET", "inspect/instances/abc")).status).toBe(400);
    expect((await e.admin("GET", "inspect/instances/%E6%95")).status).toBe(400);
  });

  it("reports stats: requests, commits, CPU, memory", async () => {
    await e.v3("ListTaskFlow");
    const stats = (await e.admin("GET", "stats")).json;
    expect(stats.requests).toBeGreaterThan(0);
    expect(stats.cpu.userMicros).toBeGreaterThan(0);
    expect(stats.memory.peakRssBytes).toBeGreaterThanOrEqual(stats.memory.rssBytes * 0.5);
    expect(stats.responsesByStatus["200"]).toBeGreaterThan(0);
    // The breakdown that tells a filling cache or V8's heap from retained objects.
    for (const field of ["heapUsedBytes", "heapTotalBytes", "externalBytes", "arrayBuffersBytes"]) {
      expect(stats.memory[field], field).toBeGreaterThan(0);
    }
    expect(stats.liveRuns).toBe(0);
  });

  it("caps SQLite's page cache at 2 MB, so the cache cannot grow with the data file", async () => {
    // better-sqlite3's own build default is 16 MB: under steady load the cache took up more memory
    // as finished runs filled the data file, for most of an hour. The cap makes that growth stop at 2 MB.
    const dir = mkdtempSync(join(tmpdir(), "dmsflow-cache-"));
    const local = await startTestEmulator({ data: join(dir, "state.db") });
    try {
      const { sqlite } = (await local.admin("GET", "stats")).json;
      expect(sqlite.cacheLimitBytes).toBe(2000 * 1024);
      expect(sqlite.fileBytes).toBeGreaterThan(0);
      expect(sqlite.pageSizeBytes).toBeGreaterThan(0);
    } finally {
      await local.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("resets to an empty emulator with keepKeys=false", async () => {
    const local = await startTestEmulator();
    try {
      expect((await local.admin("POST", "reset?keepKeys=false")).json).toEqual({ reset: true, keptKeys: false });
      expect((await local.admin("GET", "inspect")).json).toEqual({
        tenants: [],
        accessKeys: [],
        taskFlows: [],
        instancesByStatus: {},
      });
      expectGatewayError(await local.v3("ListTaskFlow"), "InvalidAccessKeyId.NotFound");
    } finally {
      await local.close();
    }
  });
});
