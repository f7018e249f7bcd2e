import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEventStream } from "./fixtures/eventStream.js";
import { expectGatewayError, expectSuccess } from "./fixtures/expectations.js";
import { sendRequest } from "./fixtures/sendRequest.js";
import { ADMIN_TOKEN, startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { BIG_INSTANCE, FLOW, KEYS } from "./fixtures/testSeed.js";

let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator({ eventsHeartbeatMs: 20 });
});
afterAll(() => e.close());

const history = async (query: string) => (await e.admin("GET", `requests${query}`)).json.requests as Record<string, unknown>[];

describe("GET /_emulator/requests", () => {
  it("lists the last requests newest first, with action, IDs exact beyond 2^53, outcome, status and latency", async () => {
    expectSuccess(await e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: BIG_INSTANCE }));
    const refused = await e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: BIG_INSTANCE });
    expect(refused.json.ErrorCode).toBeDefined();
    const [last, first] = await history("?limit=2");
    expect(first).toMatchObject({
      action: "ResumeTaskFlowInstance",
      accessKeyId: KEYS.a.id,
      signature: "v3",
      ids: { DagId: FLOW, DagInstanceId: BIG_INSTANCE },
      status: 200,
      outcome: "Success",
    });
    expect(last).toMatchObject({ ids: { DagInstanceId: BIG_INSTANCE }, status: 200, outcome: refused.json.ErrorCode });
    expect(last!.requestId).toBe(refused.json.RequestId);
    expect(typeof last!.latencyMs).toBe("number");
    expect(Date.parse(last!.time as string)).not.toBeNaN();
  });

  it("filters by action and outcome, and names gateway refusals by their code", async () => {
    expectGatewayError(await e.v3("ListTaskFlow", { Tid: "0" }), "InvalidParameter", "Tid");
    expectSuccess(await e.v3("ListTaskFlow"));
    const invalid = await history("?action=ListTaskFlow&outcome=InvalidParameter");
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.every((r) => r.action === "ListTaskFlow" && r.outcome === "InvalidParameter" && r.status === 400)).toBe(true);
    const ok = await history("?action=ListTaskFlow&outcome=Success&limit=1");
    expect(ok).toHaveLength(1);
  });

  it("holds no secret, security token or signature", async () => {
    const reply = await e.v3("ListTaskFlow", {}, KEYS.sts);
    expectSuccess(reply);
    const text = (await e.admin("GET", "requests?limit=10000")).text;
    expect(text).toContain(KEYS.sts.id);
    for (const secret of [KEYS.sts.secret, KEYS.sts.securityToken, KEYS.a.secret, "Signature", "signature="]) {
      expect(text).not.toContain(secret);
    }
  });

  it("keeps a bounded number of requests, and admin requests stay out", async () => {
    const small = await startTestEmulator({ requestHistorySize: 3 });
    try {
      for (let i = 0; i < 5; i++) expectSuccess(await small.v3("ListTaskFlow"));
      await small.admin("GET", "inspect");
      const listed = (await small.admin("GET", "requests?limit=100")).json.requests;
      expect(listed).toHaveLength(3);
      expect(listed.every((r: { action: string }) => r.action === "ListTaskFlow")).toBe(true);
    } finally {
      await small.close();
    }
  });

  it("refuses a limit out of range, and answers only with the admin token", async () => {
    expect((await e.admin("GET", "requests?limit=0")).json).toMatchObject({ Code: "InvalidLimit" });
    expect((await sendRequest(e.url, { method: "GET", path: "/_emulator/requests" })).status).toBe(401);
  });
});

describe("GET /_emulator/events", () => {
  it("streams instance status changes and finished requests, with heartbeats", async () => {
    const stream = await openEventStream(e.url, ADMIN_TOKEN);
    try {
      expect(stream.response.statusCode).toBe(200);
      expect(stream.response.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
      await e.admin("PATCH", `instances/${BIG_INSTANCE}`, { status: 2 });
      const resumed = await e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: BIG_INSTANCE });
      expectSuccess(resumed);
      const change = await stream.waitFor((x) => x.type === "instanceStatus" && x.data.cause === "ResumeTaskFlowInstance");
      expect(change.data).toEqual({
        DagId: FLOW,
        DagInstanceId: BIG_INSTANCE,
        from: 2,
        to: 1,
        cause: "ResumeTaskFlowInstance",
      });
      const request = await stream.waitFor((x) => x.type === "request" && x.data.requestId === resumed.json.RequestId);
      expect(request.data).toMatchObject({ action: "ResumeTaskFlowInstance", outcome: "Success" });
      await stream.waitForComment((c) => c === "heartbeat");
      const seqs = stream.events.map((x) => x.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    } finally {
      stream.close();
    }
  });

  it("forgets a reader once it closes its connection", async () => {
    const stream = await openEventStream(e.url, ADMIN_TOKEN);
    const subscribers = async () => (await e.admin("GET", "stats")).json.eventSubscribers as number;
    expect(await subscribers()).toBeGreaterThan(0);
    stream.close();
    await stream.ended;
    // The server learns of the close asynchronously: wait for it rather than for a fixed time.
    while ((await subscribers()) !== 0) await new Promise((r) => setTimeout(r, 10));
    expect(await subscribers()).toBe(0);
  });

  it("answers only with the admin token", async () => {
    const stream = await openEventStream(e.url, undefined);
    expect(stream.response.statusCode).toBe(401);
    await stream.ended;
  });
});
