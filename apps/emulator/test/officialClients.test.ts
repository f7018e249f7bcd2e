import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callOpenApi, popClient } from "./fixtures/officialClients.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { BIG_INSTANCE, FLOW, KEYS, testSeed } from "./fixtures/testSeed.js";

const creds = (key: { id: string; secret: string; securityToken?: string }) => ({
  accessKeyId: key.id,
  accessKeySecret: key.secret,
  ...(key.securityToken ? { securityToken: key.securityToken } : {}),
});

let e: TestEmulator;
beforeAll(async () => {
  const seed = testSeed();
  // Suspended instances for each client to resume: 5001..5006.
  seed.instances!.push(...[1, 2, 3, 4, 5, 6].map((n) => ({ Id: 5000 + n, DagId: FLOW, status: 2 })));
  e = await startTestEmulator({ seed });
});
afterAll(() => e.close());

const statusOf = async (id: string) => (await e.admin("GET", `inspect/instances/${id}`)).json.status;

describe("@alicloud/openapi-core (V3, the official DMS SDK runtime)", () => {
  it("resumes a suspended instance", async () => {
    const result = await callOpenApi(e.host, creds(KEYS.a), "ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "5001" });
    expect(result.statusCode).toBe(200);
    expect(result.body).toMatchObject({ Success: true });
    expect(result.body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(await statusOf("5001")).toBe(1);
  });

  it("lists instances, filtered by status", async () => {
    const result = await callOpenApi(e.host, creds(KEYS.a), "ListTaskFlowInstance", {
      DagId: FLOW,
      PageIndex: "1",
      PageSize: "100",
      Status: "1",
    });
    expect(result.body.Success).toBe(true);
    const ids = result.body.DAGInstanceList.DAGInstance.map((i: { Id: number }) => i.Id);
    expect(ids).toContain(5001);
    expect(result.body.DAGInstanceList.DAGInstance.every((i: { Status: number }) => i.Status === 1)).toBe(true);
    expect(result.body.TotalCount).toBe(ids.length);
  });

  it("signs with an STS token", async () => {
    const result = await callOpenApi(e.host, creds(KEYS.sts), "ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "5002" });
    expect(result.body.Success).toBe(true);
  });

  it("gets SignatureDoesNotMatch for a wrong secret, as a 400 ClientError", async () => {
    const error = await callOpenApi(e.host, { accessKeyId: KEYS.a.id, accessKeySecret: "wrong" }, "ResumeTaskFlowInstance", {
      DagId: FLOW,
      DagInstanceId: "5003",
    }).catch((err: unknown) => err);
    expect(error).toMatchObject({ code: "SignatureDoesNotMatch", statusCode: 400 });
    expect(error.data.HostId).toBe("dms-enterprise.aliyuncs.com");
    expect(await statusOf("5003")).toBe(2);
  });

  it("sees Throttling.User as a ThrottlingError", async () => {
    await e.admin("PUT", "faults", { actions: { ListTaskFlow: { throttle: 1, remaining: 1 } } });
    const error = await callOpenApi(e.host, creds(KEYS.a), "ListTaskFlow", {}).catch((err: unknown) => err);
    expect(error).toMatchObject({ code: "Throttling.User", name: "ThrottlingError" });
  });
});

describe("@alicloud/pop-core (V1 HMAC-SHA1)", () => {
  const client = () => popClient(e.url, creds(KEYS.a));

  it("resumes with POST (form body)", async () => {
    const result = await client().request("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "5004" }, { method: "POST" });
    expect(result.Success).toBe(true);
    expect(await statusOf("5004")).toBe(1);
  });

  it("resumes with GET (query)", async () => {
    const result = await client().request("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "5005" });
    expect(result.Success).toBe(true);
    expect(await statusOf("5005")).toBe(1);
  });

  it("lists instances, with an int64 Id beyond 2^53 exact", async () => {
    const result = await client().request(
      "ListTaskFlowInstance",
      { DagId: FLOW, PageIndex: 1, PageSize: 100 },
      { method: "POST" },
    );
    expect(result.Success).toBe(true);
    // pop-core's json-bigint turns long integers into BigNumber: the digits must all be there.
    const ids = result.DAGInstanceList.DAGInstance.map((i: { Id: unknown }) => String(i.Id));
    expect(ids).toContain(BIG_INSTANCE);
  });

  it("signs with an STS token (SecurityToken parameter)", async () => {
    const result = await popClient(e.url, creds(KEYS.sts)).request("ResumeTaskFlowInstance", {
      DagId: FLOW,
      DagInstanceId: "5006",
    });
    expect(result.Success).toBe(true);
  });

  it("gets SignatureDoesNotMatch for a wrong secret, GET and POST", async () => {
    const wrong = popClient(e.url, { accessKeyId: KEYS.a.id, accessKeySecret: "wrong" });
    for (const method of ["GET", "POST"]) {
      const error = await wrong
        .request("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "1002" }, { method })
        .catch((err: unknown) => err);
      expect(error).toMatchObject({ code: "SignatureDoesNotMatch", name: "SignatureDoesNotMatchError" });
    }
  });

  it("gets a business failure (Success false) as a value, not an error", async () => {
    const result = await client().request("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "1001" }, { method: "POST" });
    expect(result).toMatchObject({ Success: false, ErrorCode: "InvalidStatus" });
  });
});
