import { createServer } from "node:net";
import { listTaskFlow } from "@dmsflow/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  DmsAbortError,
  type DmsClient,
  DmsNetworkError,
  type DmsRetryEvent,
  DmsServiceError,
  DmsThrottlingError,
  DmsTimeoutError,
} from "../src/index.js";
import { testClient } from "./fixtures/testClient.js";
import { TestEmulator } from "./fixtures/testEmulator.js";

let server: TestEmulator;
let client: DmsClient;
let retries: DmsRetryEvent[];
beforeAll(async () => {
  server = await TestEmulator.start();
});
afterEach(() => client?.destroy());
afterAll(() => server.close());

const make = (options: Parameters<typeof testClient>[1] = {}) => {
  retries = [];
  client = testClient(server, { hooks: { onRetry: (e) => retries.push(e) }, ...options });
  return client;
};
const since = (before: number) => server.requests.slice(before);
const gatewayError = (status: number, Code: string) => ({ status, body: { Code, Message: `${Code} happened.` } });

describe("standard retries", () => {
  it("retries ServiceUnavailable and 5xx, signing each attempt with a fresh nonce", async () => {
    make();
    server.script(gatewayError(503, "ServiceUnavailable"), gatewayError(500, "InternalError"));
    const before = server.requests.length;
    await expect(listTaskFlow(client)).resolves.toMatchObject({ Success: true });
    const attempts = since(before);
    expect(attempts).toHaveLength(3);
    // The scripted errors never reach the emulator; the last attempt, which does, verifies.
    expect(attempts.at(-1)!.valid).toBe(true);
    expect(new Set(attempts.map((r) => r.headers["x-acs-signature-nonce"])).size).toBe(3);
    expect(retries.map((r) => [r.attempt, r.error.code])).toEqual([
      [1, "ServiceUnavailable"],
      [2, "InternalError"],
    ]);
  });

  it("gives up after 3 attempts in all, saying how many", async () => {
    make();
    server.script(gatewayError(500, "InternalError"), gatewayError(500, "InternalError"), gatewayError(500, "InternalError"));
    const error = await listTaskFlow(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DmsServiceError);
    expect(error).toMatchObject({ code: "InternalError", attempts: 3, outcomeUnknown: true });
    expect((error as Error).message).toMatch(/^ListTaskFlow failed after 3 attempts: InternalError \(HTTP 500\)/);
  });

  it("honours x-acs-retry-after on throttling (capped by maxDelayMs)", async () => {
    make();
    server.script(
      { ...gatewayError(400, "Throttling.User"), headers: { "x-acs-retry-after": "30" } },
      { ...gatewayError(429, "Throttling"), headers: { "x-acs-retry-after": "90000" } },
    );
    await expect(listTaskFlow(client)).resolves.toMatchObject({ Success: true });
    expect(retries.map((r) => r.delayMs)).toEqual([30, 50]);
    expect(retries[0]!.error).toBeInstanceOf(DmsThrottlingError);
    expect(retries[0]!.error).toMatchObject({ statusCode: 400, retryAfterMs: 30, retryable: true });
  });

  it.each([
    ["a 4xx client error", gatewayError(400, "InvalidParameter")],
    ["a business failure", { status: 200, body: { Success: false, ErrorCode: "Denied", ErrorMessage: "No." } }],
  ])("never retries %s", async (_what, reply) => {
    make();
    server.script(reply);
    const before = server.requests.length;
    await expect(listTaskFlow(client)).rejects.toMatchObject({ retryable: false, attempts: 1 });
    expect(since(before)).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it("retries a dropped connection, and reports the attempt count when every attempt drops", async () => {
    make();
    server.script({ drop: "before" });
    await expect(listTaskFlow(client)).resolves.toMatchObject({ Success: true });
    server.script({ drop: "before" }, { drop: "before" }, { drop: "before" });
    const error = await listTaskFlow(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DmsNetworkError);
    expect(error).toMatchObject({ code: "NetworkError", attempts: 3, outcomeUnknown: true, systemCode: "ECONNRESET" });
    expect((error as Error).message).toMatch(
      /^ListTaskFlow: cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNRESET \(attempt 3 of 3\); the request was sent/,
    );
  });

  it("times out an attempt after timeoutMs, retries, and honours retry:false per call", async () => {
    // Generous margins: a loaded CI machine must still answer an undelayed attempt in time.
    make({ timeoutMs: 250 });
    server.script({ delayMs: 1000 });
    await expect(listTaskFlow(client)).resolves.toMatchObject({ Success: true });
    expect(retries[0]!.error).toBeInstanceOf(DmsTimeoutError);
    server.script({ delayMs: 1000 });
    const error = await listTaskFlow(client, {}, { retry: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DmsTimeoutError);
    expect(error).toMatchObject({ code: "Timeout", phase: "total", timeoutMs: 250, attempts: 1, outcomeUnknown: true });
    expect((error as Error).message).toMatch(/no response from http:\/\/127\.0\.0\.1:\d+ within 250 ms \(attempt 1 of 1\)/);
    server.script({ delayMs: 300 });
    await expect(listTaskFlow(client, {}, { timeoutMs: 5000, retry: false })).resolves.toMatchObject({ Success: true });
  });

  it("reports a refused connection as not sent", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    client = testClient(server, { endpoint: `http://127.0.0.1:${port}` });
    const error = await listTaskFlow(client).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DmsNetworkError", systemCode: "ECONNREFUSED", outcomeUnknown: false, attempts: 3 });
  });
});

describe("abort", () => {
  it("aborts a call in flight, before sending, and while waiting to retry", async () => {
    make();
    server.script({ delayMs: 500 });
    const inFlight = new AbortController();
    setTimeout(() => inFlight.abort(), 30);
    const error = await listTaskFlow(client, {}, { signal: inFlight.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DmsAbortError);
    expect(error).toMatchObject({ name: "AbortError", code: "Aborted", outcomeUnknown: true });

    const before = server.requests.length;
    await expect(listTaskFlow(client, {}, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "Aborted",
      outcomeUnknown: false,
    });
    expect(server.requests.length).toBe(before);

    server.script({ ...gatewayError(400, "Throttling"), headers: { "x-acs-retry-after": "10000" } });
    // Aborted as the wait begins (the retry hook runs just before it), not after a fixed delay: on a
    // loaded machine the throttled answer can arrive later than any such delay (seen in CI).
    const backoff = new AbortController();
    client.destroy();
    make({ retry: { maxDelayMs: 10_000 }, hooks: { onRetry: () => backoff.abort() } });
    const started = performance.now();
    const waiting = await listTaskFlow(client, {}, { signal: backoff.signal }).catch((e: unknown) => e);
    expect(waiting).toBeInstanceOf(DmsAbortError);
    expect((waiting as Error).message).toMatch(/while waiting to retry after attempt 1 \(Throttling\)/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("resume safety", () => {
  it("reports a resume whose first attempt took effect but was lost as recovered, after checking the state", async () => {
    make();
    await server.add("500", [{ Id: "9007199254740993", Status: 2 }]);
    server.script({ action: "ResumeTaskFlowInstance", drop: "after" });
    const before = server.requests.length;
    const out = await client.resumeTaskFlowInstance({ DagId: 500, DagInstanceId: 9007199254740993n });
    expect(out).toMatchObject({ Success: true, recovered: { status: 1, errorCode: "InvalidStatus", unknownOutcomeAttempts: 1 } });
    // Only this flow's requests: an earlier test's aborted call can reach the server late.
    expect(
      since(before)
        .filter((r) => r.params.DagId === "500")
        .map((r) => r.action),
    ).toEqual(["ResumeTaskFlowInstance", "ResumeTaskFlowInstance", "ListTaskFlowInstance"]);
    expect(since(before).filter((r) => r.action === "ListTaskFlowInstance")[0]!.params).toMatchObject({
      DagId: "500",
      Status: "1",
    });
  });

  it("recovers also when business errors are returned rather than thrown", async () => {
    make({ throwOnBusinessError: false });
    await server.add("501", [{ Id: 7, Status: 2 }]);
    server.script({ action: "ResumeTaskFlowInstance", drop: "after" });
    await expect(client.resumeTaskFlowInstance({ DagId: 501, DagInstanceId: 7 })).resolves.toMatchObject({
      Success: true,
      recovered: { status: 1 },
    });
  });

  it("keeps the business error when the instance is not running after an unknown outcome", async () => {
    make({ timeoutMs: 250 });
    await server.add("502", [{ Id: 8, Status: 3 }]);
    server.script({ action: "ResumeTaskFlowInstance", delayMs: 1000 });
    const error = await client.resumeTaskFlowInstance({ DagId: 502, DagInstanceId: 8 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DmsBusinessError", code: "InvalidStatus", unknownOutcomeAttempts: 1 });
    expect((error as Error).message).toMatch(/An earlier attempt may have applied; it is not running now\.$/);
  });

  it("does not check the state when no attempt had an unknown outcome", async () => {
    make();
    await server.add("503", [{ Id: 9, Status: 1 }]);
    const before = server.requests.length;
    await expect(client.resumeTaskFlowInstance({ DagId: 503, DagInstanceId: 9 })).rejects.toMatchObject({
      code: "InvalidStatus",
    });
    expect(since(before).map((r) => r.action)).toEqual(["ResumeTaskFlowInstance"]);
  });
});
