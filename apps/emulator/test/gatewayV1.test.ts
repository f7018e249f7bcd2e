import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectGatewayError, expectSuccess } from "./fixtures/expectations.js";
import { sendRequest } from "./fixtures/sendRequest.js";
import { nonce, signV1 } from "./fixtures/signRequest.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { KEYS } from "./fixtures/testSeed.js";

// Every check of the gateway for V1 (HMAC-SHA1) requests, GET and POST, with raw HTTP.
let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator();
});
afterAll(() => e.close());

describe.each(["GET", "POST"] as const)("V1 %s", (method) => {
  const call = (
    params: Record<string, string> = {},
    key: { id: string; secret: string; securityToken?: string } = KEYS.a,
    spec = {},
  ) => e.v1("ListTaskFlow", params, key, { method, ...spec });

  it("accepts a correctly signed request", async () => {
    expectSuccess(await call());
  });

  it("refuses an unknown access key: InvalidAccessKeyId.NotFound", async () => {
    expectGatewayError(await call({}, { id: "nobody", secret: "x" }), "InvalidAccessKeyId.NotFound");
  });

  it("refuses a wrong secret: SignatureDoesNotMatch, echoing the V1 string to sign", async () => {
    const reply = await call({}, { id: KEYS.a.id, secret: "wrong" });
    expectGatewayError(reply, "SignatureDoesNotMatch");
    expect(reply.json.Message).toContain(`server string to sign is:${method}&%2F&AccessKeyId%3Dkey-a%26Action%3DListTaskFlow`);
  });

  it("never echoes an STS token in the string to sign", async () => {
    const reply = await call({}, { ...KEYS.sts, secret: "wrong" });
    expectGatewayError(reply, "SignatureDoesNotMatch");
    expect(reply.text).not.toContain(KEYS.sts.securityToken);
    expect(reply.json.Message).toContain("SecurityToken%3D%253Credacted%253E");
  });

  it("refuses a parameter changed after signing", async () => {
    const reply = await call({ Tid: "3" }, KEYS.a, { afterSigning: (p: Record<string, string>) => (p.Tid = "4") });
    expectGatewayError(reply, "SignatureDoesNotMatch");
  });

  it.each(["AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"])(
    "refuses a request without %s: MissingParameter",
    async (name) => {
      const spec = name === "Signature" ? { afterSigning: (p: Record<string, string>) => delete p.Signature } : { omit: [name] };
      expectGatewayError(await call({}, KEYS.a, spec), "MissingParameter", name);
    },
  );

  it("refuses a request without Action or Version: MissingParameter", async () => {
    expectGatewayError(await call({}, KEYS.a, { omit: ["Action"] }), "MissingParameter", "Action");
    expectGatewayError(await call({}, KEYS.a, { omit: ["Version"] }), "MissingParameter", "Version");
  });

  it("refuses another signature method or version: IncompleteSignature", async () => {
    const sha256 = await call({ SignatureMethod: "HMAC-SHA256" });
    expectGatewayError(sha256, "IncompleteSignature");
    expectGatewayError(await call({ SignatureVersion: "2.0" }), "IncompleteSignature");
  });

  it("refuses an unknown action and a wrong version", async () => {
    expectGatewayError(await e.v1("RunAnything", {}, KEYS.a, { method }), "InvalidAction.NotFound");
    expectGatewayError(await call({}, KEYS.a, { version: "2020-01-01" }), "InvalidVersion");
  });

  it("checks the Timestamp: 15-minute window and format", async () => {
    expectGatewayError(await call({}, KEYS.a, { timestampMs: Date.now() - 20 * 60_000 }), "InvalidTimeStamp.Expired");
    expectGatewayError(await call({ Timestamp: "2024-13-01T00:00:00Z" }), "InvalidTimeStamp.Format");
  });

  it("refuses a SignatureNonce used again, across GET and POST", async () => {
    const used = nonce();
    expectSuccess(await call({}, KEYS.a, { nonce: used }));
    expectGatewayError(await call({}, KEYS.a, { nonce: used }), "SignatureNonceUsed");
    expectGatewayError(
      await e.v1("ListTaskFlow", {}, KEYS.a, { method: method === "GET" ? "POST" : "GET", nonce: used }),
      "SignatureNonceUsed",
    );
  });

  it("checks STS tokens (SecurityToken parameter)", async () => {
    expectSuccess(await call({}, KEYS.sts));
    expectGatewayError(await call({}, { ...KEYS.sts, securityToken: "other" }), "InvalidSecurityToken.MismatchWithAccessKey");
    expectGatewayError(await call({}, { id: KEYS.sts.id, secret: KEYS.sts.secret }), "MissingParameter", "SecurityToken");
    expectGatewayError(await call({}, KEYS.expired), "InvalidSecurityToken.Expired");
  });
});

describe("V1 parameters in both places", () => {
  it("signs query and form body together for a POST", async () => {
    const raw = signV1({ action: "ListTaskFlow", key: KEYS.a, method: "POST", params: { Tid: "3" } });
    // Move Tid from the body to the query: the signed set (query ∪ body) is the same.
    const body = String(raw.body).replace(/(^|&)Tid=3/, "");
    expectSuccess(await sendRequest(e.url, { ...raw, path: "/?Tid=3", body }));
  });

  it("refuses a parameter given in the query and the body: InvalidParameter", async () => {
    const raw = signV1({ action: "ListTaskFlow", key: KEYS.a, method: "POST", params: { Tid: "3" } });
    expectGatewayError(await sendRequest(e.url, { ...raw, path: "/?Tid=3" }), "InvalidParameter", "Tid");
  });
});

describe("V1 form content type", () => {
  const post = (contentType: string) => {
    const raw = signV1({ action: "ListTaskFlow", key: KEYS.a, method: "POST" });
    return sendRequest(e.url, { ...raw, headers: { "content-type": contentType } });
  };

  it.each([
    "application/x-www-form-urlencoded",
    "Application/X-WWW-Form-URLEncoded",
    "application/x-www-form-urlencoded ; charset=UTF-8",
  ])("reads the body as parameters for the media type %s (case-insensitive, parameters after ;)", async (contentType) => {
    expectSuccess(await post(contentType));
  });

  it.each(["application/x-www-form-urlencodedXYZ", "application/x-www-form-urlencoded-extra; charset=UTF-8", "text/plain"])(
    "does not read the body as parameters for another media type, %s: MissingParameter Action",
    async (contentType) => {
      expectGatewayError(await post(contentType), "MissingParameter", "Action");
    },
  );
});
