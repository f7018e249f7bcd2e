import { describe, expect, it } from "vitest";
import {
  authorizationV3,
  canonicalQuery,
  canonicalRequestV3,
  EMPTY_BODY_SHA256,
  parseAuthorizationV3,
  rpcEncode,
  signatureV1,
  stringToSignV1,
} from "../src/signing.js";

// The DMS vectors of ../shared/reference/dms-api.md §6.3 (AccessKeyId testid, secret testsecret).
const v1Params = {
  Action: "ResumeTaskFlowInstance",
  Format: "JSON",
  Version: "2018-11-01",
  AccessKeyId: "testid",
  SignatureMethod: "HMAC-SHA1",
  SignatureVersion: "1.0",
  SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
  Timestamp: "2024-01-01T00:00:00Z",
  DagId: "1234567",
  DagInstanceId: "7654321",
  Tid: "3",
};

describe("V1 HMAC-SHA1 (reference vectors)", () => {
  it("builds the documented GET string to sign", () => {
    expect(stringToSignV1("GET", v1Params)).toBe(
      "GET&%2F&AccessKeyId%3Dtestid%26Action%3DResumeTaskFlowInstance%26DagId%3D1234567%26DagInstanceId%3D7654321%26Format%3DJSON%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Tid%3D3%26Timestamp%3D2024-01-01T00%253A00%253A00Z%26Version%3D2018-11-01",
    );
  });
  it("signs GET and POST as documented", () => {
    expect(signatureV1("testsecret", "GET", v1Params)).toBe("MVUmrdldqb/ZU6a3NEQd3HvjhBQ=");
    expect(signatureV1("testsecret", "POST", v1Params)).toBe("pnlfzQTocDfvGtbR0Cdt48z8ExY=");
  });
  it("leaves a Signature parameter out of what it signs", () => {
    expect(signatureV1("testsecret", "GET", { ...v1Params, Signature: "x" })).toBe("MVUmrdldqb/ZU6a3NEQd3HvjhBQ=");
  });
});

describe("V3 ACS3-HMAC-SHA256 (reference vector)", () => {
  const request = {
    method: "POST",
    pathname: "/",
    query: { DagId: "1234567", DagInstanceId: "7654321", DagVersion: "ver1", Tid: "3" },
    headers: {
      host: "dms-enterprise.cn-hangzhou.aliyuncs.com",
      "x-acs-action": "ResumeTaskFlowInstance",
      "x-acs-version": "2018-11-01",
      "x-acs-date": "2024-01-01T00:00:00Z",
      "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
      "x-acs-content-sha256": EMPTY_BODY_SHA256,
      accept: "application/json",
    },
    hashedPayload: EMPTY_BODY_SHA256,
  };
  const signed = ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"];

  it("builds the documented canonical request, with its empty line", () => {
    expect(canonicalRequestV3(request, signed)).toBe(
      [
        "POST",
        "/",
        "DagId=1234567&DagInstanceId=7654321&DagVersion=ver1&Tid=3",
        "host:dms-enterprise.cn-hangzhou.aliyuncs.com",
        "x-acs-action:ResumeTaskFlowInstance",
        `x-acs-content-sha256:${EMPTY_BODY_SHA256}`,
        "x-acs-date:2024-01-01T00:00:00Z",
        "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d",
        "x-acs-version:2018-11-01",
        "",
        signed.join(";"),
        EMPTY_BODY_SHA256,
      ].join("\n"),
    );
  });
  it("reads only the request's own headers: a signed name like constructor or __proto__ that it lacks is empty", () => {
    const names = ["__proto__", "constructor", "toString"];
    const lines = canonicalRequestV3({ ...request, headers: {} }, names).split("\n");
    expect(lines.slice(3, 6)).toEqual(["__proto__:", "constructor:", "toString:"]);
  });
  it("produces the documented Authorization header (accept is not signed)", () => {
    const header = authorizationV3(request, "testid", "testsecret");
    expect(header).toBe(
      `ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=${signed.join(";")},Signature=d0138dee9bc309e62f2a051cdd8562da05397a85918911edf7476c8a4f2062dc`,
    );
    expect(parseAuthorizationV3(header)).toEqual({
      accessKeyId: "testid",
      signedHeaders: signed,
      signature: "d0138dee9bc309e62f2a051cdd8562da05397a85918911edf7476c8a4f2062dc",
    });
  });
});

describe("RPC encoding", () => {
  it("encodes reserved characters as Alibaba Cloud signs them", () => {
    expect(rpcEncode("a b+c*d~e!f'g(h)i/")).toBe("a%20b%2Bc%2Ad~e%21f%27g%28h%29i%2F");
    expect(rpcEncode("数")).toBe("%E6%95%B0");
    expect(canonicalQuery({ b: "", a: "x y", B: "1" })).toBe("B=1&a=x%20y&b=");
  });
});
