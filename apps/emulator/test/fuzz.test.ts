import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { operationTable } from "@dmsflow/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorProcess, prepareEmulatorBin, spawnEmulator, stopEmulator, tempDir } from "./fixtures/emulatorProcess.js";
import { sendRawBytes } from "./fixtures/sendRawBytes.js";
import { sendRequest } from "./fixtures/sendRequest.js";
import { signV1, signV3 } from "./fixtures/signRequest.js";
import { KEYS, testSeed } from "./fixtures/testSeed.js";

// Property-based fuzzing of the real bin: malformed requests of every kind get a 4xx error body,
// none gets a 5xx (no faults are injected here), and the process is still alive and healthy after.
let p: EmulatorProcess;
beforeAll(async () => {
  await prepareEmulatorBin();
  const seed = join(tempDir(), "seed.json");
  writeFileSync(seed, JSON.stringify(testSeed()));
  p = await spawnEmulator(["--seed", seed, "--quiet", "--admin-token", ADMIN]);
});
afterAll(async () => {
  await stopEmulator(p, "SIGKILL");
});

const RUNS = 250;
const ADMIN = "fuzz-admin";
const actions = Object.keys(operationTable);
const declared = [...new Set(Object.values(operationTable).flatMap((c) => c.operation.parameters.map((x) => x.name)))];

const percentJunk = fc.constantFrom("%", "%G1", "%E6%95", "%C3%28", "%00", "+", "=", "&", "%2", "%FF%FE", "%ZZ", "%%");
const text = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 3 },
  { arbitrary: percentJunk, weight: 3 },
  { arbitrary: fc.bigInt().map(String), weight: 2 },
  { arbitrary: fc.constant("x".repeat(20_000)), weight: 1 },
);
const headerName = fc.constantFrom(
  "authorization",
  "x-acs-action",
  "x-acs-version",
  "x-acs-date",
  "x-acs-signature-nonce",
  "x-acs-content-sha256",
  "x-acs-security-token",
  "content-type",
  "host",
  "accept",
);
const headerValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    "ACS3-HMAC-SHA256 Credential=key-a,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=00",
    "ACS3-HMAC-SHA256 Credential=,SignedHeaders=,Signature=",
    "application/x-www-form-urlencoded",
    "ListTaskFlow",
    "2018-11-01",
    "2026-01-01T00:00:00Z",
  ),
);
const garbageRequest = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW", "get"),
  path: fc.oneof(
    fc.constant("/"),
    fc.array(fc.tuple(text, text), { maxLength: 6 }).map((pairs) => `/?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`),
    fc.string({ maxLength: 30 }).map((s) => `/${s}`),
    fc
      .string({ maxLength: 20 })
      .filter((s) => !s.startsWith("health"))
      .map((s) => `/_emulator/${s}`),
    fc.constant("/?Action=ResumeTaskFlowInstance&Version=2018-11-01&AccessKeyId=key-a&DagId=1"),
  ),
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
  body: fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a).toString("latin1")),
  ),
});

describe("malformed requests (raw bytes on a socket)", () => {
  it("always get a 4xx with a JSON error body, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(garbageRequest, async ({ method, path, headers, body }) => {
        fc.pre(!(method === "GET" && path.split("?")[0] === "/_emulator/health"));
        const payload = Buffer.from(body, "latin1");
        const head =
          `${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n` +
          headers.map(([name, value]) => `${name}: ${value}\r\n`).join("") +
          `content-length: ${payload.length}\r\n\r\n`;
        const reply = await sendRawBytes(p.url, Buffer.concat([Buffer.from(head, "utf8"), payload]));
        expect(reply.status, `${method} ${path.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(reply.status).toBeLessThan(500);
        const parsed = JSON.parse(reply.body);
        expect(typeof parsed.Code).toBe("string");
        expect(typeof parsed.Message).toBe("string");
      }),
      { numRuns: RUNS },
    );
  });
});

describe("signed requests with garbage parameters", () => {
  const value = fc.oneof(
    text,
    fc.constantFrom(
      "",
      "-0",
      " 1",
      "1e3",
      "0x1",
      "９",
      "1.0",
      "true",
      "9223372036854775808",
      "-9223372036854775809",
      "2147483648",
      "11",
      "1002",
    ),
  );
  const params = fc.dictionary(fc.oneof(fc.constantFrom(...declared), fc.string({ minLength: 1, maxLength: 12 })), value, {
    maxKeys: 8,
  });
  const signed = fc.record({
    action: fc.oneof(fc.constantFrom(...actions), fc.string({ maxLength: 30 })),
    params,
    kind: fc.constantFrom("v3", "v1-get", "v1-post"),
  });

  it("get a 200 answer or a 4xx error body, never a 5xx", async () => {
    const host = new URL(p.url).host;
    await fc.assert(
      fc.asyncProperty(signed, async ({ action, params, kind }) => {
        // Names the signer itself would collide with are not parameters here.
        for (const name of [
          "Signature",
          "Action",
          "Version",
          "AccessKeyId",
          "SignatureNonce",
          "Timestamp",
          "SignatureMethod",
          "SignatureVersion",
          "Format",
        ]) {
          delete params[name];
        }
        const raw =
          kind === "v3"
            ? signV3({ action, params, key: KEYS.a, host })
            : signV1({ action, params, key: KEYS.a, method: kind === "v1-get" ? "GET" : "POST" });
        const reply = await sendRequest(p.url, raw);
        expect(reply.status, reply.text).toBeLessThan(500);
        expect(reply.json, reply.text).toBeDefined();
        if (reply.status === 200) expect(typeof reply.json.Success).toBe("boolean");
        else expect(typeof reply.json.Code).toBe("string");
        expect(reply.json.RequestId).toMatch(/^[0-9A-F-]{36}$/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("admin requests with the right token and garbage in them", () => {
  const adminRequest = fc.record({
    method: fc.constantFrom("GET", "PATCH", "PUT", "POST"),
    path: fc.oneof(
      text.map((t) => `inspect/instances/${encodeURIComponent(t)}`),
      fc.constantFrom("inspect/instances/%E6%95", "instances/%ZZ", "inspect/instances/99999999999999999999"),
      fc.tuple(text, text).map(([k, v]) => `inspect/instances?${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
      fc.constantFrom("inspect/instances?status=x", "inspect/instances?DagId=abc", "inspect/instances?limit=-5&offset=1e9"),
      text.map((t) => `instances/${encodeURIComponent(t)}`),
      fc.constantFrom("instances/1002", "seed?mode=x", "faults"),
    ),
    body: fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.json({ maxDepth: 3 }),
      fc.constantFrom(
        '{"status":"2"}',
        '{"status":2.5}',
        '{"actions":{"*":{"drop":"1"}}}',
        '{"instances":[{"Id":1}]}',
        "[]",
        "null",
      ),
    ),
  });

  it("get a 200 or a 4xx, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(adminRequest, async ({ method, path, body }) => {
        // A PUT of valid settings would inject faults into the other properties: keep them out.
        fc.pre(!(method === "PUT" && path === "faults" && !body.includes('"drop":"1"')));
        const reply = await sendRequest(p.url, {
          method,
          path: `/_emulator/${path}`,
          headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
          body,
        });
        expect(reply.status, `${method} ${path} ${body} -> ${reply.text}`).toBeLessThan(500);
        expect(reply.json).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });
});

describe("after the fuzzing", () => {
  it("the process is alive and healthy", async () => {
    expect(p.child.exitCode).toBeNull();
    const health = await sendRequest(p.url, { method: "GET", path: "/_emulator/health" });
    expect(health.status).toBe(200);
  });
});
