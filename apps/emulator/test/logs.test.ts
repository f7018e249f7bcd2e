import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callOpenApi, popClient } from "./fixtures/officialClients.js";
import { signV3 } from "./fixtures/signRequest.js";
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

describe("a client that closes its connection before the answer", () => {
  /** Writes raw bytes, closes the socket after `closeAfterMs`, and waits for the emulator to log the request. */
  async function sendAndClose(bytes: string, closeAfterMs: number): Promise<Record<string, unknown>> {
    const before = requestLines().length;
    const socket = connect(e.emulator.port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.write(bytes);
    await new Promise((r) => setTimeout(r, closeAfterMs));
    socket.destroy();
    const rpcLines = () =>
      requestLines()
        .slice(before)
        .filter((l) => l.path === "/");
    for (let i = 0; i < 100 && rpcLines().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(rpcLines()).toHaveLength(1);
    return rpcLines()[0];
  }
  const statsNow = async () => (await e.admin("GET", "stats")).json;

  it("in the middle of its body: counted as clientClosed at level info, not as a 500 InternalError", async () => {
    const before = await statsNow();
    const line = await sendAndClose("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nAction=List", 50);
    expect(line).toMatchObject({ level: "info", status: 0, outcome: "clientClosed" });
    expect(line.code).toBeUndefined();
    const after = await statsNow();
    expect(after.clientClosed - (before.clientClosed ?? 0)).toBe(1);
    expect(after.responsesByStatus["500"]).toBeUndefined();
  });

  it("while its signed request is being handled: clientClosed, not the 200 that nobody received", async () => {
    await e.admin("PUT", "faults", { actions: { ListTaskFlow: { latencyMs: 300, remaining: 1 } } });
    const raw = signV3({ action: "ListTaskFlow", key: KEYS.a, host: e.host });
    const head = Object.entries(raw.headers ?? {})
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    const line = await sendAndClose(`${raw.method} ${raw.path} HTTP/1.1\r\n${head}Content-Length: 0\r\n\r\n`, 50);
    expect(line).toMatchObject({ level: "info", status: 0, outcome: "clientClosed", action: "ListTaskFlow" });
  });
});
