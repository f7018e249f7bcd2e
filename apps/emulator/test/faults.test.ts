import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectGatewayError, expectSuccess } from "./fixtures/expectations.js";
import { callOpenApi } from "./fixtures/officialClients.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { FLOW, KEYS, testSeed } from "./fixtures/testSeed.js";

// Fault injection per action, through /_emulator/faults and the startEmulator option.
let e: TestEmulator;
let nextId = 50_000;
beforeAll(async () => {
  const seed = testSeed();
  for (let i = 0; i < 100; i++) seed.instances!.push({ Id: 50_000 + i, DagId: FLOW, status: 2 });
  e = await startTestEmulator({ seed });
});
afterAll(() => e.close());
beforeEach(async () => {
  await e.admin("DELETE", "faults");
});

const suspended = () => String(nextId++);
const statusOf = async (id: string) => (await e.admin("GET", `inspect/instances/${id}`)).json.status;
const resume = (id: string) => e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: id });
const setFaults = async (settings: unknown) => {
  const reply = await e.admin("PUT", "faults", settings);
  expect(reply.status).toBe(200);
  return reply;
};

describe("each fault, on the action it is set for", () => {
  it("error500: InternalError 500, nothing applied", async () => {
    await setFaults({ actions: { ResumeTaskFlowInstance: { error500: 1 } } });
    const id = suspended();
    expectGatewayError(await resume(id), "InternalError");
    expect(await statusOf(id)).toBe(2);
  });

  it("error503: ServiceUnavailable 503, nothing applied", async () => {
    await setFaults({ actions: { ResumeTaskFlowInstance: { error503: 1 } } });
    const id = suspended();
    expectGatewayError(await resume(id), "ServiceUnavailable");
    expect(await statusOf(id)).toBe(2);
  });

  it("throttle: Throttling.User with x-acs-retry-after, nothing applied", async () => {
    await setFaults({ actions: { ResumeTaskFlowInstance: { throttle: 1 } } });
    const id = suspended();
    const reply = await resume(id);
    expectGatewayError(reply, "Throttling.User");
    expect(reply.headers["x-acs-retry-after"]).toBe("1000");
    expect(await statusOf(id)).toBe(2);
  });

  it("drop: the connection is reset before anything is applied", async () => {
    await setFaults({ actions: { ResumeTaskFlowInstance: { drop: 1 } } });
    const id = suspended();
    await expect(resume(id)).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(await statusOf(id)).toBe(2);
  });

  it("resetAfterApply: the connection is reset, but the instance was resumed", async () => {
    await setFaults({ actions: { ResumeTaskFlowInstance: { resetAfterApply: 1 } } });
    const id = suspended();
    await expect(resume(id)).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(await statusOf(id)).toBe(1);
  });

  it("loseResponse: the official client times out, although the instance was resumed", async () => {
    await setFaults({ actions: { ResumeTaskFlowInstance: { loseResponse: 1 } } });
    const id = suspended();
    const credentials = { accessKeyId: KEYS.a.id, accessKeySecret: KEYS.a.secret };
    const error = await callOpenApi(
      e.host,
      credentials,
      "ResumeTaskFlowInstance",
      { DagId: FLOW, DagInstanceId: id },
      { readTimeout: 300 },
    ).catch((err: unknown) => err);
    expect(error).toMatchObject({ name: "RequestTimeoutError" });
    expect(await statusOf(id)).toBe(1);
  });

  it("latencyMs: the answer comes after the delay", async () => {
    await setFaults({ actions: { ResumeTaskFlowInstance: { latencyMs: 120 } } });
    const started = performance.now();
    expectSuccess(await resume(suspended()));
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("leaves other actions alone; * covers every action without its own rule", async () => {
    await setFaults({ actions: { ResumeTaskFlowInstance: { error503: 1 } } });
    expectSuccess(await e.v3("ListTaskFlow"));
    await setFaults({ actions: { "*": { error500: 1 }, ListTaskFlow: { latencyMs: 0 } } });
    expectGatewayError(await e.v3("ListUserTenants"), "InternalError");
    expectSuccess(await e.v3("ListTaskFlow"));
  });

  it("injects nothing into requests the gateway refuses", async () => {
    await setFaults({ actions: { "*": { error500: 1 } } });
    expectGatewayError(await e.v3("ListTaskFlow", {}, { id: KEYS.a.id, secret: "wrong" }), "SignatureDoesNotMatch");
  });
});

describe("determinism and limits", () => {
  const statuses = async (em: TestEmulator, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await em.v3("ListTaskFlow")).status);
    return out;
  };

  it("the same seed gives the same faults; another seed other faults", async () => {
    const settings = { seed: 42, actions: { ListTaskFlow: { error500: 0.3, error503: 0.2 } } };
    const runs: number[][] = [];
    for (const seed of [42, 42, 7]) {
      const em = await startTestEmulator({ faults: { ...settings, seed } });
      try {
        runs.push(await statuses(em, 40));
      } finally {
        await em.close();
      }
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]).not.toEqual(runs[2]);
    expect(new Set(runs[0])).toEqual(new Set([200, 500, 503]));
  });

  it("a rule with remaining covers that many requests, then disappears", async () => {
    await setFaults({ actions: { ListTaskFlow: { error503: 1, remaining: 2 } } });
    expect(await statuses(e, 3)).toEqual([503, 503, 200]);
    expect((await e.admin("GET", "faults")).json).toEqual({ seed: 1, actions: {} });
  });

  it("shows the settings in force", async () => {
    await setFaults({ seed: 9, actions: { ResumeTaskFlowInstance: { drop: 0.5, latencyMs: [5, 10], remaining: 3 } } });
    expect((await e.admin("GET", "faults")).json).toEqual({
      seed: 9,
      actions: { ResumeTaskFlowInstance: { drop: 0.5, latencyMs: [5, 10], remaining: 3 } },
    });
  });

  it.each([
    [
      { actions: { ResumeTaskFlowInstance: { error500: 2 } } },
      "actions.ResumeTaskFlowInstance.error500 must be a probability from 0 to 1",
    ],
    [{ actions: { ResumeTaskFlowInstance: { error500: 0.6, drop: 0.6 } } }, "add up to more than 1"],
    [{ actions: { NoSuchAction: { drop: 1 } } }, "actions.NoSuchAction is not an action"],
    [{ actions: { ListTaskFlow: { explode: 1 } } }, "actions.ListTaskFlow.explode is not a fault"],
    [{ actions: { ListTaskFlow: { latencyMs: [10, 5] } } }, "latencyMs must be [min, max]"],
    [{ seed: -1 }, "seed must be an integer"],
    [{ faults: {} }, '"faults" is not a setting'],
  ])("refuses %j with a clear message", async (settings, message) => {
    const reply = await e.admin("PUT", "faults", settings);
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ Code: "FaultSettingsError" });
    expect(reply.json.Message).toContain(message);
  });
});
