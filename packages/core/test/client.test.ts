import {
  getUserActiveTenant,
  listTaskFlow,
  listTaskFlowInstance,
  listTaskFlowsByPage,
  listUserTenants,
  operationTable,
  resumeTaskFlowInstance,
  updateTaskContentV2,
} from "@dmsflow/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DmsClient, DmsConfigError, DmsEnterprise, DmsValidationError, signerV1, signerV3 } from "../src/index.js";
import { STS_CREDENTIALS, TEST_CREDENTIALS, testClient } from "./fixtures/testClient.js";
import { TEST_TID, TestEmulator } from "./fixtures/testEmulator.js";

let server: TestEmulator;
const clients: DmsClient[] = [];
const client = (options: Parameters<typeof testClient>[1] = {}) => {
  const c = testClient(server, options);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await TestEmulator.start();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(() => server.close());

describe("DmsClient", () => {
  it("DmsEnterprise has one lower-camel-case method per operation of the generated client; DmsClient only safe resume", () => {
    const all = new DmsEnterprise(client());
    for (const action of Object.keys(operationTable)) {
      const name = action[0]!.toLowerCase() + action.slice(1);
      expect(typeof (all as unknown as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(typeof (client() as unknown as Record<string, unknown>).listTaskFlow).toBe("undefined");
    expect(typeof client().resumeTaskFlowInstance).toBe("function");
  });

  it("DmsEnterprise sends through its DmsClient", async () => {
    const all = new DmsEnterprise(client());
    const out = await all.listUserTenants();
    expect(out.RequestId).toBeTruthy();
    expect(server.requests.at(-1)!.headers["x-acs-action"]).toBe("ListUserTenants");
  });

  it.each([
    [signerV3, "POST"],
    [signerV3, "GET"],
    [signerV1, "POST"],
    [signerV1, "GET"],
  ] as const)(
    "sends a body parameter in a signed form body the official libraries verify ($0.version $1)",
    async (signer, httpMethod) => {
      // UpdateTaskContentV2.NodeContent is a Body parameter (x-acs-position: Body); 40 KB would not fit a URL.
      const content = `SELECT '${"x".repeat(40_000)}' /* ü + & = */`;
      const before = server.requests.length;
      await updateTaskContentV2(client({ signer, httpMethod, retry: { maxAttempts: 1 } }), {
        NodeId: "42",
        NodeContent: content,
      }).catch(() => undefined);
      const seen = server.requests.slice(before);
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ method: "POST", signature: signer.version, valid: true, action: "UpdateTaskContentV2" });
      expect(seen[0]!.params).toMatchObject({ NodeId: "42", NodeContent: content });
      expect(seen[0]!.url.length).toBeLessThan(signer === signerV3 ? 100 : 10_000);
      expect(seen[0]!.url).not.toContain("NodeContent");
      expect(seen[0]!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    },
  );

  it.each([
    [signerV3, "POST"],
    [signerV3, "GET"],
    [signerV1, "POST"],
    [signerV1, "GET"],
  ] as const)("sends requests the official libraries verify ($0.version $1)", async (signer, httpMethod) => {
    const id = server.requests.length + 1000;
    await server.add("101", [{ Id: id, Status: 2 }]);
    const before = server.requests.length;
    const c = client({ signer, httpMethod });
    expect(c.signatureVersion).toBe(signer.version);
    const out = await c.resumeTaskFlowInstance({ DagId: 101n, DagInstanceId: id, Tid: TEST_TID });
    expect(out).toMatchObject({ Success: true });
    // A free-text parameter with the characters whose percent-encoding differs between encoders.
    // (DagVersion once carried them; the emulator now accepts only a version of the flow there.)
    await expect(listTaskFlowsByPage(c, { SearchKey: "v 1+(x)*~'!", Tid: TEST_TID })).resolves.toMatchObject({ Success: true });
    const seen = server.requests.slice(before);
    expect(seen).toHaveLength(2);
    expect(seen.map(({ method, signature, valid, action }) => ({ method, signature, valid, action }))).toEqual([
      { method: httpMethod, signature: signer.version, valid: true, action: "ResumeTaskFlowInstance" },
      { method: httpMethod, signature: signer.version, valid: true, action: "ListTaskFlowsByPage" },
    ]);
    expect(seen[0]!.params).toMatchObject({ DagId: "101", DagInstanceId: String(id), Tid: TEST_TID });
    expect(seen[1]!.params).toMatchObject({ SearchKey: "v 1+(x)*~'!", Tid: TEST_TID });
  });

  it("keeps int64 exact both ways: bigint and string in, decimal strings out", async () => {
    await server.add("9223372036854775807", [{ Id: "9007199254740993", Status: 2, HistoryDagId: "9223372036854775807" }]);
    const c = client();
    const out = await listTaskFlowInstance(c, {
      DagId: 9223372036854775807n,
      PageIndex: 1,
      PageSize: 10,
      Tid: TEST_TID,
    });
    expect(server.requests.at(-1)!.params).toMatchObject({ DagId: "9223372036854775807", Tid: "9007199254740993" });
    const instance = out.DAGInstanceList!.DAGInstance![0]!;
    expect(instance.Id).toBe("9007199254740993");
    expect(instance.HistoryDagId).toBe("9223372036854775807");
    const tenant = await getUserActiveTenant(c);
    expect(tenant.Tenant?.Tid).toBe("9007199254740993");
    await c.resumeTaskFlowInstance({ DagId: "9223372036854775807", DagInstanceId: 9007199254740993n });
    expect(server.requests.at(-1)!.params.DagInstanceId).toBe("9007199254740993");
  });

  it("works with the generated functions of @dmsflow/client", async () => {
    await server.add("102", [{ Id: 5, Status: 2 }]);
    const c = client();
    await expect(resumeTaskFlowInstance(c, { DagId: 102, DagInstanceId: 5 })).resolves.toMatchObject({ Success: true });
    const page = await listTaskFlowInstance(c, { DagId: 102, PageIndex: 1, PageSize: 5 });
    expect(page.DAGInstanceList?.DAGInstance?.[0]).toMatchObject({ Id: "5", Status: 1 });
  });

  it("reuses one kept-alive connection for sequential calls", async () => {
    const c = client();
    const before = server.requests.length;
    for (let i = 0; i < 5; i++) await listTaskFlow(c);
    const ports = new Set(server.requests.slice(before).map((r) => r.remotePort));
    expect(ports.size).toBe(1);
  });

  it("signs STS credentials with the security token headers", async () => {
    const c = client({ credentials: STS_CREDENTIALS });
    await listTaskFlow(c);
    const seen = server.requests.at(-1)!;
    expect(seen.valid).toBe(true);
    expect(seen.headers["x-acs-security-token"]).toBe("sts-token-value");
    expect(seen.headers["x-acs-accesskey-id"]).toBe(STS_CREDENTIALS.accessKeyId);
    await listTaskFlow(
      client({
        credentials: STS_CREDENTIALS,
        signer: signerV1,
      }),
    );
    expect(server.requests.at(-1)).toMatchObject({ valid: true, params: { SecurityToken: "sts-token-value" } });
  });

  it("sends the user-agent suffix, and the x-acs headers the gateway routes by", async () => {
    await listUserTenants(client({ userAgent: "my-tool/1.2" }));
    const headers = server.requests.at(-1)!.headers;
    expect(headers["user-agent"]).toMatch(/^dmsflow \(Node\.js v\d+.*\) my-tool\/1\.2$/);
    expect(headers).toMatchObject({
      "x-acs-action": "ListUserTenants",
      "x-acs-version": "2018-11-01",
      accept: "application/json",
    });
  });

  it("refuses bad input before sending, naming the parameter", async () => {
    const c = client();
    const before = server.requests.length;
    const error = await c.resumeTaskFlowInstance({ DagId: 2 ** 60, DagInstanceId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DmsValidationError);
    expect(error).toMatchObject({ parameter: "DagId", code: "ValidationError", action: "ResumeTaskFlowInstance" });
    expect((error as Error).message).toMatch(/DagId.*string or bigint/);
    const missing = await c.resumeTaskFlowInstance({ DagId: 1 } as never).catch((e: unknown) => e);
    expect(missing).toMatchObject({ parameter: "DagInstanceId" });
    const lone = await c.resumeTaskFlowInstance({ DagId: 1, DagInstanceId: 2, DagVersion: "a\uD800b" }).catch((e: unknown) => e);
    expect(lone).toBeInstanceOf(DmsValidationError);
    expect(lone).toMatchObject({ parameter: "DagVersion" });
    expect(server.requests.length).toBe(before);
  });

  it("rejects unknown and invalid options with a clear DmsConfigError", () => {
    expect(() => new DmsClient({ region: "cn-hangzhou" } as never)).toThrow(
      /Unknown DmsClient option "region"; did you mean regionId\?/,
    );
    expect(() => new DmsClient({ endpoint: server.url, timeoutMs: 0 })).toThrow(DmsConfigError);
    expect(() => new DmsClient({ endpoint: server.url, signer: "v1" as never })).toThrow(
      /signer must be signerV3 \(the default\) or signerV1/,
    );
    expect(() => new DmsClient({ endpoint: server.url, retry: { maxAttempts: 0 } })).toThrow(/retry.maxAttempts/);
    expect(() => new DmsClient({ env: {} })).toThrow(/No region/);
    expect(() => new DmsClient({ endpoint: server.url, userAgent: "a\nb" })).toThrow(/one-line/);
  });

  it("takes the region from ALIBABA_CLOUD_REGION_ID", () => {
    const c = new DmsClient({ env: { ALIBABA_CLOUD_REGION_ID: "cn-shanghai" }, credentials: TEST_CREDENTIALS });
    expect(c.endpoint).toBe("https://dms-enterprise.cn-shanghai.aliyuncs.com");
    expect(c.regionId).toBe("cn-shanghai");
    c.destroy();
  });

  it("takes the endpoint from ALIBABA_CLOUD_ENDPOINT (the aliyun CLI's variable); the option wins over it", () => {
    const env = { ALIBABA_CLOUD_ENDPOINT: "http://127.0.0.1:9", ALIBABA_CLOUD_REGION_ID: "cn-shanghai" };
    const fromEnv = new DmsClient({ env, credentials: TEST_CREDENTIALS });
    expect(fromEnv.endpoint).toBe("http://127.0.0.1:9");
    fromEnv.destroy();
    const given = new DmsClient({ env, endpoint: "http://127.0.0.1:10", credentials: TEST_CREDENTIALS });
    expect(given.endpoint).toBe("http://127.0.0.1:10");
    given.destroy();
    const empty = new DmsClient({ env: { ...env, ALIBABA_CLOUD_ENDPOINT: "" }, credentials: TEST_CREDENTIALS });
    expect(empty.endpoint).toBe("https://dms-enterprise.cn-shanghai.aliyuncs.com");
    empty.destroy();
  });
});
