import { decodeParameters, operationTable } from "@dmsflow/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectBusinessFailure, expectGatewayError, expectSuccess } from "./fixtures/expectations.js";
import { sendRequest } from "./fixtures/sendRequest.js";
import { signV1, signV3 } from "./fixtures/signRequest.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { FLOW, KEYS } from "./fixtures/testSeed.js";

// Checks after the signature: parameters, tenant access, throttling; and requests that are not RPC.
let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator();
});
afterAll(() => e.close());

describe("parameters, decoded by the generated operation descriptors", () => {
  it.each([
    ["ResumeTaskFlowInstance", { DagInstanceId: "1002" }, "DagId"],
    ["ResumeTaskFlowInstance", { DagId: FLOW }, "DagInstanceId"],
    ["ResumeTaskFlowInstance", { DagId: "", DagInstanceId: "1002" }, "DagId"],
    ["ListTaskFlowInstance", { DagId: FLOW, PageSize: "10" }, "PageIndex"],
    ["ListDAGVersions", { DagId: FLOW, PageIndex: "1" }, "PageSize"],
  ])("%s without a required parameter: MissingParameter naming it", async (action, params, missing) => {
    expectGatewayError(await e.v3(action, params), "MissingParameter", missing);
  });

  it.each([
    ["DagId", "abc"],
    ["DagId", "1.5"],
    ["DagId", "9223372036854775808"],
    ["DagId", "-9223372036854775809"],
    ["DagId", "99999999999999999999999999"],
    ["DagInstanceId", "0x10"],
    ["DagInstanceId", " 12"],
    ["Tid", "3e2"],
  ])("an int64 %s of %j: InvalidParameter naming it", async (name, value) => {
    const params = { DagId: FLOW, DagInstanceId: "1002", [name]: value };
    const reply = await e.v3("ResumeTaskFlowInstance", params);
    expectGatewayError(reply, "InvalidParameter", name);
    expect(reply.json.Message).toContain("int64");
  });

  it("accepts the largest int64 (and finds nothing there); ids below 1 break the spec's minimum", async () => {
    expectBusinessFailure(
      await e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "9223372036854775807" }),
      "TaskFlowInstanceNotFound",
    );
    for (const id of ["-9223372036854775808", "0"]) {
      expectGatewayError(
        await e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: id }),
        "InvalidParameter",
        "DagInstanceId",
      );
    }
  });

  it.each([
    ["PageSize", "2147483648"],
    ["PageSize", "ten"],
    ["PageIndex", "-2147483649"],
    ["Status", "1.0"],
    ["UseBizDate", "yes"],
  ])("a mistyped %s of %j: InvalidParameter", async (name, value) => {
    const reply = await e.v3("ListTaskFlowInstance", { DagId: FLOW, PageIndex: "1", PageSize: "10", [name]: value });
    expectGatewayError(reply, "InvalidParameter", name);
  });

  it.each([
    ["PageSize", "0"],
    ["PageSize", "101"],
    ["PageIndex", "0"],
    ["Status", "6"],
    ["TriggerType", "2"],
    ["StartTimeBegin", "2026-02-30"],
    ["StartTimeEnd", "tomorrow"],
  ])("an out-of-range %s of %j: InvalidParameter", async (name, value) => {
    const reply = await e.v3("ListTaskFlowInstance", { DagId: FLOW, PageIndex: "1", PageSize: "10", [name]: value });
    expectGatewayError(reply, "InvalidParameter", name);
  });

  it("ignores parameters the operation does not declare", async () => {
    expectSuccess(await e.v3("ListTaskFlow", { RegionId: "cn-hangzhou", Whatever: "x" }));
  });

  it("refuses malformed percent-encoding and text that is not UTF-8: InvalidParameter", async () => {
    for (const query of ["DagId=%ZZ", "DagId=%E6%95", "%C3%28=1"]) {
      const raw = signV3({ action: "ListTaskFlow", key: KEYS.a, host: e.host });
      const reply = await sendRequest(e.url, { ...raw, path: `/?${query}` });
      expectGatewayError(reply, "InvalidParameter");
      expect(reply.json.Message).toContain("percent-encoded UTF-8");
    }
  });

  it("refuses a parameter given twice: InvalidParameter", async () => {
    const raw = signV3({ action: "ListTaskFlow", key: KEYS.a, host: e.host, params: { Tid: "3" } });
    expectGatewayError(await sendRequest(e.url, { ...raw, path: `${raw.path}&Tid=4` }), "InvalidParameter", "Tid");
  });
});

describe("tenant access", () => {
  it("refuses a Tid the key may not use: Forbidden.RAM 403", async () => {
    const reply = await e.v3("ListTaskFlow", { Tid: "4" }, KEYS.sts);
    expectGatewayError(reply, "Forbidden.RAM");
    expect(reply.json.Message).toBe(
      "You are not authorized to perform this operation by RAM. The access key key-sts may not use tenant 4.",
    );
  });

  it("refuses a Tid that does not exist the same way (no hint that it does not)", async () => {
    expectGatewayError(await e.v3("ListTaskFlow", { Tid: "999" }), "Forbidden.RAM");
  });

  it.each(["0", "-1", "-9223372036854775808"])("refuses Tid %s as InvalidParameter 400, not a permission error", async (tid) => {
    const v3 = await e.v3("ListTaskFlow", { Tid: tid });
    expectGatewayError(v3, "InvalidParameter", "Tid");
    expect(v3.json.Message).toContain("must be 1 or more");
    expectGatewayError(
      await e.v1("ResumeTaskFlowInstance", { Tid: tid, DagId: "11", DagInstanceId: "1" }),
      "InvalidParameter",
      "Tid",
    );
  });

  it("every operation with a Tid refuses one below 1 by the spec's rule, before any tenant check", () => {
    let checked = 0;
    for (const { operation } of Object.values(operationTable)) {
      const tid = operation.parameters.find((p) => p.name === "Tid");
      if (tid === undefined) continue;
      checked++;
      // The Tid parameter alone, so a missing required parameter of the operation does not answer first.
      const decoded = decodeParameters({ ...operation, parameters: [tid] }, { Tid: "0" });
      expect(decoded, operation.action).toMatchObject({ ok: false, code: "InvalidParameter", parameter: "Tid" });
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("checks the tenant with V1 too", async () => {
    expectGatewayError(await e.v1("ListTaskFlow", { Tid: "3" }, KEYS.b, { method: "GET" }), "Forbidden.RAM");
  });
});

describe("per-key rate limit", () => {
  it("throttles a key beyond its burst: Throttling.User with x-acs-retry-after; other keys are not affected", async () => {
    const now = Date.now();
    const clocked = await startTestEmulator({ clock: () => now });
    try {
      expectSuccess(await clocked.v3("ListTaskFlow", {}, KEYS.limited));
      expectSuccess(await clocked.v3("ListTaskFlow", {}, KEYS.limited));
      const reply = await clocked.v3("ListTaskFlow", {}, KEYS.limited);
      expectGatewayError(reply, "Throttling.User");
      expect(Number(reply.headers["x-acs-retry-after"])).toBeGreaterThan(0);
      expectSuccess(await clocked.v3("ListTaskFlow", {}, KEYS.a));
    } finally {
      await clocked.close();
    }
  });

  it("refills the bucket as time passes", async () => {
    let now = Date.now();
    const clocked = await startTestEmulator({ clock: () => now });
    try {
      for (let i = 0; i < 2; i++) expectSuccess(await clocked.v3("ListTaskFlow", {}, KEYS.limited, { dateMs: now }));
      expectGatewayError(await clocked.v3("ListTaskFlow", {}, KEYS.limited, { dateMs: now }), "Throttling.User");
      now += 1000;
      expectSuccess(await clocked.v3("ListTaskFlow", {}, KEYS.limited, { dateMs: now }));
    } finally {
      await clocked.close();
    }
  });
});

describe("requests that are not RPC calls", () => {
  it("answers another path with InvalidApi.NotFound 404", async () => {
    const raw = signV3({ action: "ListTaskFlow", key: KEYS.a, host: e.host });
    expectGatewayError(await sendRequest(e.url, { ...raw, path: "/v1/flows" }), "InvalidApi.NotFound");
  });

  it.each(["PUT", "DELETE", "PATCH", "OPTIONS"])("answers %s with InvalidApi.NotFound 404", async (method) => {
    const raw = signV1({ action: "ListTaskFlow", key: KEYS.a, method: "GET" });
    expectGatewayError(await sendRequest(e.url, { ...raw, method }), "InvalidApi.NotFound");
  });

  it("answers an unsigned request with MissingParameter Action", async () => {
    expectGatewayError(await sendRequest(e.url, { method: "GET", path: "/" }), "MissingParameter", "Action");
  });

  it("refuses a body over 1 MiB: RequestEntityTooLarge 413", async () => {
    const reply = await sendRequest(e.url, {
      method: "POST",
      path: "/",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: Buffer.alloc(1024 * 1024 + 1, "a"),
    });
    expectGatewayError(reply, "RequestEntityTooLarge");
  });

  it("refuses headers over Node's limit with a JSON body: RequestHeaderFieldsTooLarge 431", async () => {
    const reply = await sendRequest(e.url, { method: "GET", path: "/", headers: { "x-acs-big": "x".repeat(20_000) } });
    expectGatewayError(reply, "RequestHeaderFieldsTooLarge");
  });

  it("reads a V1 form body only with the form content type", async () => {
    const raw = signV1({ action: "ListTaskFlow", key: KEYS.a, method: "POST" });
    const reply = await sendRequest(e.url, { ...raw, headers: { "content-type": "text/plain" } });
    expectGatewayError(reply, "MissingParameter", "Action");
  });
});
