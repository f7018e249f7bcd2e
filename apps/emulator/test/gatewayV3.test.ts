import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectGatewayError, expectSuccess } from "./fixtures/expectations.js";
import { sendRequest } from "./fixtures/sendRequest.js";
import { nonce, signV3 } from "./fixtures/signRequest.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { FLOW, KEYS } from "./fixtures/testSeed.js";

// Every check of the gateway for V3 (ACS3-HMAC-SHA256) requests, with raw HTTP.
let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator();
});
afterAll(() => e.close());

const list = { DagId: FLOW };
const ALL_HEADERS = ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"];

describe("V3 signature", () => {
  it("accepts a correctly signed request", async () => {
    expectSuccess(await e.v3("ListTaskFlow"));
  });

  it("accepts a signature that covers only the required headers (host unsigned)", async () => {
    expectSuccess(await e.v3("ListTaskFlow", {}, KEYS.a, { signedHeaders: ALL_HEADERS.slice(1) }));
  });

  it("re-canonicalizes the decoded query: encoded spaces, reserved and non-ASCII characters verify", async () => {
    const reply = await e.v3("ListTaskFlowInstance", {
      DagId: FLOW,
      PageIndex: "1",
      PageSize: "10",
      Other: "a b+c*d~e!f'g(h)i/数",
    });
    expectSuccess(reply);
  });

  it("verifies a query encoded differently from the canonical form (+ for space, lower-case hex, raw sub-delims)", async () => {
    const params = { DagId: FLOW, PageIndex: "1", PageSize: "10", Note: "a b*c~d!" };
    const raw = signV3({ action: "ListTaskFlowInstance", params, key: KEYS.a, host: e.host });
    const path = `/?Note=a+b%2ac%7Ed!&PageSize=10&DagId=${FLOW}&PageIndex=1`;
    expect(raw.path).not.toBe(path);
    expectSuccess(await sendRequest(e.url, { ...raw, path }));
  });

  it("refuses an unknown access key: InvalidAccessKeyId.NotFound 404", async () => {
    expectGatewayError(await e.v3("ListTaskFlow", {}, { id: "nobody", secret: "x" }), "InvalidAccessKeyId.NotFound");
  });

  it("refuses a disabled key: Forbidden.AccessKeyDisabled 403", async () => {
    expectGatewayError(await e.v3("ListTaskFlow", {}, KEYS.disabled), "Forbidden.AccessKeyDisabled");
  });

  it("refuses a wrong secret: SignatureDoesNotMatch 400 with the server's string to sign", async () => {
    const reply = await e.v3("ListTaskFlow", {}, { id: KEYS.a.id, secret: "wrong" });
    expectGatewayError(reply, "SignatureDoesNotMatch");
    expect(reply.json.Message).toMatch(/server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
  });

  it("refuses a query changed after signing", async () => {
    const raw = signV3({
      action: "ListTaskFlowInstance",
      params: { ...list, PageIndex: "1", PageSize: "10" },
      key: KEYS.a,
      host: e.host,
    });
    const reply = await sendRequest(e.url, { ...raw, path: raw.path.replace("PageSize=10", "PageSize=11") });
    expectGatewayError(reply, "SignatureDoesNotMatch");
  });

  it("refuses a signed header changed after signing", async () => {
    const reply = await e.v3("ListTaskFlow", {}, KEYS.a, { afterSigning: (h) => (h["x-acs-signature-nonce"] = nonce()) });
    expectGatewayError(reply, "SignatureDoesNotMatch");
  });

  it("refuses a body whose hash is not x-acs-content-sha256", async () => {
    const raw = signV3({ action: "ListTaskFlow", key: KEYS.a, host: e.host, body: "a=1", contentType: "text/plain" });
    const reply = await sendRequest(e.url, { ...raw, body: "a=2" });
    expectGatewayError(reply, "SignatureDoesNotMatch");
    expect(reply.json.Message).toContain("x-acs-content-sha256");
  });

  it("accepts a form body when its hash is signed, and reads its parameters", async () => {
    const body = `DagId=${FLOW}&PageIndex=1&PageSize=5`;
    const raw = signV3({
      action: "ListTaskFlowInstance",
      key: KEYS.a,
      host: e.host,
      body,
      contentType: "application/x-www-form-urlencoded",
    });
    const reply = await sendRequest(e.url, raw);
    expectSuccess(reply);
    expect(reply.json.DAGInstanceList.DAGInstance).toHaveLength(5);
  });

  it.each(["x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"])(
    "refuses a signature that does not cover %s: IncompleteSignature",
    async (header) => {
      const reply = await e.v3("ListTaskFlow", {}, KEYS.a, { signedHeaders: ALL_HEADERS.filter((h) => h !== header) });
      expectGatewayError(reply, "IncompleteSignature");
      expect(reply.json.Message).toContain(header);
    },
  );

  it("refuses a signed header that is not in the request: IncompleteSignature", async () => {
    const reply = await e.v3("ListTaskFlow", {}, KEYS.a, {
      signedHeaders: [...ALL_HEADERS, "x-acs-extra"],
    });
    expectGatewayError(reply, "IncompleteSignature");
  });

  // Names an Object.prototype member: looked up naively, the "header" is a function (a 500 before).
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])(
    "refuses SignedHeaders naming %s, which the request lacks: IncompleteSignature 400",
    async (name) => {
      const signed = [...ALL_HEADERS, name].sort().join(";");
      const reply = await e.v3("ListTaskFlow", {}, KEYS.a, {
        afterSigning: (h) => (h.authorization = `ACS3-HMAC-SHA256 Credential=${KEYS.a.id},SignedHeaders=${signed},Signature=00`),
      });
      expectGatewayError(reply, "IncompleteSignature");
      expect(reply.json.Message).toContain(`The signed header ${name} is not in the request.`);
    },
  );

  it("verifies a signed header really named constructor", async () => {
    const signedHeaders = [...ALL_HEADERS, "constructor"].sort();
    const raw = signV3({ action: "ListTaskFlow", key: KEYS.a, host: e.host, signedHeaders, extraHeaders: { constructor: "x" } });
    expectSuccess(await sendRequest(e.url, raw));
  });

  it.each([
    ["another algorithm", "HMAC-SHA256 Credential=key-a,SignedHeaders=host,Signature=00"],
    ["no Signature", "ACS3-HMAC-SHA256 Credential=key-a,SignedHeaders=host;x-acs-date"],
    ["garbage", "ACS3-HMAC-SHA256 ,,,=="],
    ["empty", ""],
  ])("refuses an Authorization header with %s: IncompleteSignature", async (_, authorization) => {
    const reply = await e.v3("ListTaskFlow", {}, KEYS.a, { afterSigning: (h) => (h.authorization = authorization) });
    expectGatewayError(reply, "IncompleteSignature");
  });

  it("refuses a request whose x-acs-action header is missing: MissingParameter", async () => {
    const reply = await e.v3("ListTaskFlow", {}, KEYS.a, { afterSigning: (h) => delete h["x-acs-action"] });
    expectGatewayError(reply, "MissingParameter", "x-acs-action");
  });

  it("refuses an unknown action: InvalidAction.NotFound 404", async () => {
    expectGatewayError(await e.v3("DeleteEverything"), "InvalidAction.NotFound");
  });

  it("refuses a wrong version: InvalidVersion 400", async () => {
    expectGatewayError(await e.v3("ListTaskFlow", {}, KEYS.a, { version: "2015-01-01" }), "InvalidVersion");
  });
});

describe("V3 signing time and nonce", () => {
  const MINUTE = 60_000;

  it("accepts a signing time 14 minutes off either way", async () => {
    expectSuccess(await e.v3("ListTaskFlow", {}, KEYS.a, { dateMs: Date.now() - 14 * MINUTE }));
    expectSuccess(await e.v3("ListTaskFlow", {}, KEYS.a, { dateMs: Date.now() + 14 * MINUTE }));
  });

  it("refuses a signing time more than 15 minutes off: InvalidTimeStamp.Expired", async () => {
    expectGatewayError(await e.v3("ListTaskFlow", {}, KEYS.a, { dateMs: Date.now() - 16 * MINUTE }), "InvalidTimeStamp.Expired");
    expectGatewayError(await e.v3("ListTaskFlow", {}, KEYS.a, { dateMs: Date.now() + 16 * MINUTE }), "InvalidTimeStamp.Expired");
  });

  it("refuses a malformed x-acs-date: InvalidTimeStamp.Format", async () => {
    for (const date of ["yesterday", "2024-02-30T00:00:00Z", "2024-01-01 00:00:00"]) {
      const raw = signV3({ action: "ListTaskFlow", key: KEYS.a, host: e.host, extraHeaders: { "x-acs-date": date } });
      expectGatewayError(await sendRequest(e.url, raw), "InvalidTimeStamp.Format");
    }
  });

  it("refuses a nonce used again: SignatureNonceUsed; another key may use the same nonce", async () => {
    const used = nonce();
    expectSuccess(await e.v3("ListTaskFlow", {}, KEYS.a, { nonce: used }));
    expectGatewayError(await e.v3("ListTaskFlow", {}, KEYS.a, { nonce: used }), "SignatureNonceUsed");
    expectSuccess(await e.v3("ListTaskFlow", {}, KEYS.b, { nonce: used }));
  });

  it("refuses the exact same request replayed", async () => {
    const raw = signV3({ action: "ListTaskFlow", key: KEYS.a, host: e.host });
    expectSuccess(await sendRequest(e.url, raw));
    expectGatewayError(await sendRequest(e.url, raw), "SignatureNonceUsed");
  });

  it("does not burn a nonce on a request whose signature fails", async () => {
    const n = nonce();
    expectGatewayError(await e.v3("ListTaskFlow", {}, { id: KEYS.a.id, secret: "wrong" }, { nonce: n }), "SignatureDoesNotMatch");
    expectSuccess(await e.v3("ListTaskFlow", {}, KEYS.a, { nonce: n }));
  });
});

describe("V3 STS tokens", () => {
  it("accepts the key's token, signed", async () => {
    expectSuccess(await e.v3("ListTaskFlow", {}, KEYS.sts));
  });

  it("refuses a wrong token: InvalidSecurityToken.MismatchWithAccessKey", async () => {
    const reply = await e.v3("ListTaskFlow", {}, { ...KEYS.sts, securityToken: "not-the-token" });
    expectGatewayError(reply, "InvalidSecurityToken.MismatchWithAccessKey");
  });

  it("refuses an STS key without its token: MissingParameter SecurityToken", async () => {
    const reply = await e.v3("ListTaskFlow", {}, { id: KEYS.sts.id, secret: KEYS.sts.secret });
    expectGatewayError(reply, "MissingParameter", "SecurityToken");
  });

  it("refuses an expired token: InvalidSecurityToken.Expired", async () => {
    expectGatewayError(await e.v3("ListTaskFlow", {}, KEYS.expired), "InvalidSecurityToken.Expired");
  });

  it("refuses a token on a long-term key", async () => {
    const reply = await e.v3("ListTaskFlow", {}, { ...KEYS.a, securityToken: "some-token" });
    expectGatewayError(reply, "InvalidSecurityToken.MismatchWithAccessKey");
  });

  it("refuses a token header that is not signed: IncompleteSignature", async () => {
    const reply = await e.v3(
      "ListTaskFlow",
      {},
      { id: KEYS.sts.id, secret: KEYS.sts.secret },
      {
        afterSigning: (h) => (h["x-acs-security-token"] = KEYS.sts.securityToken),
      },
    );
    expectGatewayError(reply, "IncompleteSignature");
  });
});
