import { getUserActiveTenant, listTaskFlow, listTaskFlowInstance } from "@dmsflow/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DmsBusinessError, type DmsClient, DmsError, DmsResponseError, DmsServiceError, signerV1 } from "../src/index.js";
import { testClient } from "./fixtures/testClient.js";
import { TestEmulator } from "./fixtures/testEmulator.js";

let server: TestEmulator;
let client: DmsClient;
beforeAll(async () => {
  server = await TestEmulator.start();
});
afterEach(() => client?.destroy());
afterAll(() => server.close());

async function failure(call: Promise<unknown>): Promise<DmsError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DmsError);
  expect((error as Error).message).not.toMatch(/\n/);
  return error as DmsError;
}

describe("service errors (HTTP 4xx/5xx)", () => {
  it("reads the JSON gateway body: code, status, RequestId, HostId, Recommend; a 4xx is not retried", async () => {
    client = testClient(server);
    server.script({
      status: 403,
      body: {
        HostId: "dms-enterprise.aliyuncs.com",
        Code: "Forbidden.RAM",
        Message: "You are not authorized to perform this operation by RAM.",
        Recommend: "https://api.aliyun.com/troubleshoot?q=Forbidden.RAM",
      },
    });
    const before = server.requests.length;
    const error = await failure(listTaskFlow(client));
    expect(error).toBeInstanceOf(DmsServiceError);
    expect(error).toMatchObject({
      code: "Forbidden.RAM",
      statusCode: 403,
      hostId: "dms-enterprise.aliyuncs.com",
      retryable: false,
      attempts: 1,
    });
    expect((error as DmsServiceError).recommend).toContain("troubleshoot");
    expect(error.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(error.message).toBe(
      `ListTaskFlow failed: Forbidden.RAM (HTTP 403): You are not authorized to perform this operation by RAM. Grant the RAM user the dms:ListTaskFlow permission. RequestId ${error.requestId}. See https://api.aliyun.com/troubleshoot?q=Forbidden.RAM`,
    );
    expect(server.requests.length - before).toBe(1);
  });

  it("reports an unknown AccessKey and a wrong secret with what to check, without the echoed string to sign", async () => {
    client = testClient(server, { credentials: { accessKeyId: "nobody", accessKeySecret: "whatever-secret" } });
    const unknown = await failure(listTaskFlow(client));
    expect(unknown).toMatchObject({ code: "InvalidAccessKeyId.NotFound", statusCode: 404 });
    expect(unknown.message).toMatch(/Check the AccessKey ID/);
    client.destroy();
    client = testClient(server, {
      credentials: { accessKeyId: "testid", accessKeySecret: "wrong-secret" },
      signer: signerV1,
    });
    const mismatch = await failure(listTaskFlow(client));
    expect(mismatch).toMatchObject({ code: "SignatureDoesNotMatch", statusCode: 400 });
    expect(mismatch.message).toMatch(
      /^ListTaskFlow failed: SignatureDoesNotMatch \(HTTP 400\): Specified signature is not matched with our calculation\. Check that the AccessKey secret/,
    );
    expect(mismatch.message).not.toMatch(/string to sign/);
  });

  it("reads a text/xml <Error> body", async () => {
    client = testClient(server);
    server.script({
      status: 400,
      headers: { "content-type": "text/xml;charset=utf-8" },
      body: '<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>R-XML</RequestId><HostId>dms-enterprise.aliyuncs.com</HostId><Code>InvalidParameter</Code><Message>The specified parameter &quot;Tid&quot; is not valid.</Message></Error>',
    });
    const error = await failure(listTaskFlow(client));
    expect(error).toMatchObject({
      code: "InvalidParameter",
      statusCode: 400,
      requestId: "R-XML",
      hostId: "dms-enterprise.aliyuncs.com",
    });
    expect(error.message).toContain('The specified parameter "Tid" is not valid.');
  });

  it("gives a non-JSON error body (an HTML 502 from a proxy) a clear error with its status, and retries it", async () => {
    client = testClient(server);
    const page = {
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<html><body><h1>502 Bad Gateway</h1></body></html>",
    };
    server.script(page, page, page);
    const error = await failure(listTaskFlow(client));
    expect(error).toBeInstanceOf(DmsServiceError);
    expect(error).toMatchObject({ code: "HTTP502", statusCode: 502, retryable: true, attempts: 3 });
    expect(error.message).toMatch(
      /^ListTaskFlow failed after 3 attempts: HTTP502 \(HTTP 502\): the body was not a gateway error \(text\/html, 50 bytes\)/,
    );
  });
});

describe("response format errors", () => {
  it("says so when an HTTP 200 body is not JSON, without retrying", async () => {
    client = testClient(server);
    server.script({
      status: 200,
      headers: { "content-type": "text/html", "x-acs-request-id": "R-HTML" },
      body: "<html>maintenance</html>",
    });
    const error = await failure(listTaskFlow(client));
    expect(error).toBeInstanceOf(DmsResponseError);
    expect(error).toMatchObject({ code: "InvalidResponse", statusCode: 200, requestId: "R-HTML", attempts: 1 });
    expect(error.message).toMatch(/response is not JSON \(text\/html, 24 bytes\)/);
  });

  it("names the field that has the wrong type", async () => {
    client = testClient(server);
    server.script({ status: 200, body: { Success: true, TotalCount: "many", DAGInstanceList: { DAGInstance: [] } } });
    const error = await failure(listTaskFlowInstance(client, { DagId: 1, PageIndex: 1, PageSize: 10 }));
    expect(error).toMatchObject({ code: "InvalidResponse", path: "TotalCount" });
    expect(error.message).toMatch(/TotalCount is string, expected an int32/);
  });
});

describe("business errors (HTTP 200, Success:false)", () => {
  const declined = {
    status: 200,
    body: { Success: false, ErrorCode: "TenantNotExist", ErrorMessage: "The specified tenant does not exist." },
  };

  it("throws DmsBusinessError by default, once (never retried)", async () => {
    client = testClient(server);
    server.script(declined);
    const before = server.requests.length;
    const error = await failure(getUserActiveTenant(client, { Tid: 404 }));
    expect(error).toBeInstanceOf(DmsBusinessError);
    expect(error).toMatchObject({
      code: "TenantNotExist",
      statusCode: 200,
      errorMessage: "The specified tenant does not exist.",
      retryable: false,
    });
    expect(error.message).toBe(
      `GetUserActiveTenant was declined: TenantNotExist: The specified tenant does not exist. Check Tid (see GetUserActiveTenant / ListUserTenants). RequestId ${error.requestId}.`,
    );
    expect(server.requests.length - before).toBe(1);
  });

  it("returns the envelope instead when a call or the client opts out", async () => {
    client = testClient(server);
    server.script(declined);
    await expect(getUserActiveTenant(client, {}, { throwOnBusinessError: false })).resolves.toMatchObject({
      Success: false,
      ErrorCode: "TenantNotExist",
    });
    client.destroy();
    client = testClient(server, { throwOnBusinessError: false });
    server.script(declined);
    await expect(getUserActiveTenant(client)).resolves.toMatchObject({ Success: false });
  });

  it("treats Success:true with error fields (the documented quirk) as success", async () => {
    client = testClient(server);
    server.script({ status: 200, body: { Success: true, ErrorCode: "UnknownError", ErrorMessage: "UnknownError" } });
    await expect(listTaskFlow(client)).resolves.toMatchObject({ Success: true });
  });
});
