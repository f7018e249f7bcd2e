import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callOpenApi, popClient } from "./fixtures/officialClients.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { FLOW, KEYS } from "./fixtures/testSeed.js";

// One JSON line per request, with what an operator needs and nothing secret.
let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator();
});
afterAll(() => e.close());

const requestLines = () => e.logs.map((line) => JSON.parse(line)).filter((l) => l.msg === "request");

describe("request logs", () => {
  it("logs one line per request: action, key, signature kind, status, code, latency", async () => {
    const before = requestLines().length;
    await e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "1002" });
    await e.v1("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "1002" }, KEYS.a, { method: "GET" });
    await e.v3("ListTaskFlow", {}, { id: "ghost", secret: "x" });
    const lines = requestLines().slice(before);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      level: "info",
      method: "POST",
      action: "ResumeTaskFlowInstance",
      accessKeyId: "key-a",
      signature: "v3",
      status: 200,
    });
    expect(lines[1]).toMatchObject({ signature: "v1", status: 200, code: "InvalidStatus" });
    expect(lines[2]).toMatchObject({ status: 404, code: "InvalidAccessKeyId.NotFound", accessKeyId: "ghost" });
    for (const line of lines) {
      expect(line.requestId).toMatch(/^[0-9A-F-]{36}$/);
      expect(typeof line.latencyMs).toBe("number");
      expect(Date.parse(line.time)).not.toBeNaN();
    }
  });

  it("never logs a secret, a security token or a signature, whatever happens", async () => {
    const signatures: string[] = [];
    await e.v3("ListTaskFlow", {}, KEYS.sts, { afterSigning: (h) => signatures.push(h.authorization!.split("Signature=")[1]!) });
    await e.v3("ListTaskFlow", {}, { ...KEYS.sts, secret: "wrong-secret" });
    await e.v1("ListTaskFlow", {}, KEYS.sts, { method: "GET", afterSigning: (p) => signatures.push(p.Signature!) });
    await e.v1("ListTaskFlow", {}, { ...KEYS.sts, securityToken: "leaked-token?" }, { method: "POST" });
    await callOpenApi(e.host, { accessKeyId: KEYS.a.id, accessKeySecret: KEYS.a.secret }, "ListTaskFlow", {});
    await popClient(e.url, { accessKeyId: KEYS.a.id, accessKeySecret: "pop-wrong" })
      .request("ListTaskFlow", {})
      .catch(() => undefined);
    await e.admin("POST", "seed", {
      accessKeys: [{ id: "fresh", secret: "fresh-secret-value", tenants: [3], securityToken: "fresh-token" }],
    });
    const all = e.logs.join("\n");
    for (const secret of [
      KEYS.a.secret,
      KEYS.sts.secret,
      KEYS.sts.securityToken,
      "wrong-secret",
      "leaked-token?",
      "pop-wrong",
      "fresh-secret-value",
      "fresh-token",
      ...signatures,
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(signatures).toHaveLength(2);
  });

  it("logs an injected fault", async () => {
    await e.admin("PUT", "faults", { actions: { ListTaskFlow: { error503: 1, remaining: 1 } } });
    await e.v3("ListTaskFlow");
    expect(requestLines().at(-1)).toMatchObject({
      action: "ListTaskFlow",
      status: 503,
      code: "ServiceUnavailable",
      fault: "error503",
      level: "error",
    });
  });
});
