import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import RPCClient from "@alicloud/pop-core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DmsHttpRequest } from "../src/http/DmsHttpMessage.js";
import {
  authorizationV3,
  canonicalQuery,
  EMPTY_BODY_SHA256,
  rpcEncode,
  signatureV1,
  signRequestV1,
  signRequestV3,
} from "../src/index.js";
import { credentials, method, parameterName, parameters, parameterValue } from "./fixtures/arbitraries.js";
import { officialAuthorizationV3, officialSignatureV1 } from "./fixtures/officialSigners.js";

const template = (httpMethod: "GET" | "POST", action = "ResumeTaskFlowInstance"): DmsHttpRequest => ({
  method: httpMethod,
  path: "/",
  headers: {
    host: "dms-enterprise.cn-hangzhou.aliyuncs.com",
    "x-acs-action": action,
    "x-acs-version": "2018-11-01",
    accept: "application/json",
    "user-agent": "dmsflow (test)",
  },
  body: "",
});

function decodeQuery(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const q = path.indexOf("?");
  if (q < 0) return out;
  for (const pair of path.slice(q + 1).split("&")) {
    const eq = pair.indexOf("=");
    out[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
  }
  return out;
}

describe("V3 signing is byte-identical to @alicloud/openapi-core", () => {
  it("signRequestV3: the Authorization header equals the official one over the request it produced", () => {
    fc.assert(
      fc.property(parameters, credentials, method, (params, creds, httpMethod) => {
        const signed = signRequestV3(template(httpMethod), params, creds);
        const { authorization, ...headers } = signed.headers;
        const official = officialAuthorizationV3(
          { method: httpMethod, pathname: "/", query: decodeQuery(signed.path), headers },
          EMPTY_BODY_SHA256,
          creds.accessKeyId,
          creds.accessKeySecret,
        );
        expect(authorization).toBe(official);
        expect(decodeQuery(signed.path)).toEqual(params);
        expect(signed.headers["x-acs-security-token"]).toBe(creds.securityToken);
      }),
      { numRuns: 300 },
    );
  });

  it("signRequestV3 signs extra x-acs-* headers a middleware added (the general path)", () => {
    const extraHeader = fc.dictionary(
      parameterName.map((n) => `x-acs-${n.toLowerCase()}`),
      fc.string({ unit: fc.constantFrom(..."abc XYZ 019-_:/"), maxLength: 12 }),
      { minKeys: 1, maxKeys: 3 },
    );
    fc.assert(
      fc.property(parameters, credentials, method, extraHeader, (params, creds, httpMethod, extra) => {
        const base = template(httpMethod);
        const signed = signRequestV3({ ...base, headers: { ...base.headers, ...extra } }, params, creds);
        const { authorization, ...headers } = signed.headers;
        const official = officialAuthorizationV3(
          { method: httpMethod, pathname: "/", query: params, headers },
          EMPTY_BODY_SHA256,
          creds.accessKeyId,
          creds.accessKeySecret,
        );
        expect(authorization).toBe(official);
      }),
      { numRuns: 150 },
    );
  });

  it("signRequestV3 with body parameters (a form POST, its content type and hash signed) agrees with the official one", () => {
    fc.assert(
      fc.property(parameters, parameters, credentials, method, (params, body, creds, httpMethod) => {
        fc.pre(Object.keys(body).length > 0);
        const signed = signRequestV3(template(httpMethod), params, creds, body);
        const { authorization, ...headers } = signed.headers;
        const hashedPayload = createHash("sha256").update(signed.body, "utf8").digest("hex");
        const official = officialAuthorizationV3(
          { method: signed.method, pathname: "/", query: decodeQuery(signed.path), headers },
          hashedPayload,
          creds.accessKeyId,
          creds.accessKeySecret,
        );
        expect(signed.method).toBe("POST");
        expect(headers["x-acs-content-sha256"]).toBe(hashedPayload);
        expect(authorization).toBe(official);
        expect(decodeQuery(`/?${signed.body}`)).toEqual(body);
      }),
      { numRuns: 150 },
    );
  });

  it("authorizationV3 (the primitive the emulator verifies with) agrees with the official one", () => {
    fc.assert(
      fc.property(
        parameters,
        credentials,
        method,
        fc.string({ unit: "binary", maxLength: 40 }),
        (params, creds, httpMethod, body) => {
          const hashedPayload = createHash("sha256").update(body, "utf8").digest("hex");
          const headers = {
            host: "127.0.0.1:8080",
            "x-acs-action": "ListTaskFlowInstance",
            "x-acs-version": "2018-11-01",
            "x-acs-date": "2024-01-01T00:00:00Z",
            "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
            "x-acs-content-sha256": hashedPayload,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
          };
          const request = { method: httpMethod, pathname: "/", query: params, headers, hashedPayload };
          expect(authorizationV3(request, creds.accessKeyId, creds.accessKeySecret)).toBe(
            officialAuthorizationV3(request, hashedPayload, creds.accessKeyId, creds.accessKeySecret),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("gives every signature a fresh nonce", () => {
    const creds = { accessKeyId: "testid", accessKeySecret: "testsecret" };
    const nonces = new Set(
      Array.from({ length: 200 }, () => signRequestV3(template("POST"), {}, creds).headers["x-acs-signature-nonce"]),
    );
    expect(nonces.size).toBe(200);
  });
});

describe("V1 signing is byte-identical to the official implementations", () => {
  it("signRequestV1: the Signature equals openapi-core's getRPCSignature over what was sent", () => {
    fc.assert(
      fc.property(parameters, credentials, method, (params, creds, httpMethod) => {
        const signed = signRequestV1(template(httpMethod), params, creds, "ResumeTaskFlowInstance", "2018-11-01");
        const sent = httpMethod === "GET" ? decodeQuery(signed.path) : decodeQuery(`/?${signed.body}`);
        expect(sent.Signature).toBe(officialSignatureV1(sent, httpMethod, creds.accessKeySecret));
        expect(sent.SecurityToken).toBe(creds.securityToken);
        for (const [name, value] of Object.entries(params)) expect(sent[name]).toBe(value);
        // Signature goes last, after the sorted pairs, as pop-core sends it.
        expect((httpMethod === "GET" ? signed.path : signed.body).split("&").pop()).toMatch(/^Signature=/);
      }),
      { numRuns: 300 },
    );
  });

  it("signatureV1 agrees with openapi-core's getRPCSignature", () => {
    fc.assert(
      fc.property(
        parameters,
        fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
        method,
        (params, secret, httpMethod) => {
          expect(signatureV1(secret, httpMethod, params)).toBe(officialSignatureV1(params, httpMethod, secret));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("V1 signing matches @alicloud/pop-core on the wire", () => {
  let server: ReturnType<typeof createServer>;
  let endpoint = "";
  let last: { method: string; url: string; body: string } | undefined;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (c: string) => {
        body += c;
      });
      req.on("end", () => {
        last = { method: req.method ?? "", url: req.url ?? "", body };
        res.setHeader("content-type", "application/json");
        res.end('{"RequestId":"R","Success":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the same pairs, in the same order, with the same Signature (GET and POST)", async () => {
    const popValue = parameterValue.filter((v) => v !== "");
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(parameterName, popValue, { maxKeys: 6 }),
        credentials,
        method,
        async (params, creds, httpMethod) => {
          // pop-core upper-cases the first letter of every name, and sorts keys the same way we do.
          const named: Record<string, string> = {};
          for (const [k, v] of Object.entries(params)) named[k[0]!.toUpperCase() + k.slice(1)] = v;
          const fixed = { SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", Timestamp: "2024-01-01T00:00:00Z" };
          const client = new RPCClient({ endpoint, apiVersion: "2018-11-01", ...creds });
          await client.request("ResumeTaskFlowInstance", { ...named, ...fixed }, { method: httpMethod });
          const wire = httpMethod === "POST" ? last!.body : last!.url.slice(2);
          const all: Record<string, string> = {
            ...named,
            ...fixed,
            Action: "ResumeTaskFlowInstance",
            Format: "JSON",
            Version: "2018-11-01",
            AccessKeyId: creds.accessKeyId,
            SignatureMethod: "HMAC-SHA1",
            SignatureVersion: "1.0",
          };
          if (creds.securityToken) all.SecurityToken = creds.securityToken;
          const ours = `${canonicalQuery(all)}&Signature=${rpcEncode(signatureV1(creds.accessKeySecret, httpMethod, all))}`;
          expect(wire).toBe(ours);
        },
      ),
      { numRuns: 60 },
    );
  });
});
