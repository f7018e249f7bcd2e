import { listTaskFlow } from "@dmsflow/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type DmsCallResult,
  type DmsClient,
  DmsConfigError,
  type DmsInitializeArgs,
  type DmsMiddleware,
  type DmsMiddlewareEntry,
  type DmsRequestEvent,
  type DmsResponseEvent,
  debugHooks,
  signerV1,
} from "../src/index.js";
import { STS_CREDENTIALS, testClient } from "./fixtures/testClient.js";
import { TEST_TID, TestEmulator } from "./fixtures/testEmulator.js";

let server: TestEmulator;
let client: DmsClient;
beforeAll(async () => {
  server = await TestEmulator.start();
});
afterEach(() => client?.destroy());
afterAll(() => server.close());

describe("middleware steps", () => {
  it("runs initialize -> serialize -> build -> finalizeRequest (retry, sign) -> deserialize, user entries after built-ins", async () => {
    const order: string[] = [];
    // Each step's arguments say what is known by then: wire parameters from serialize on, a
    // request from build on, a signed one (and the attempt) in finalizeRequest after `sign`.
    const tap =
      <Args extends DmsInitializeArgs, Result>(name: string): DmsMiddleware<Args, Result> =>
      (next) =>
      async (args) => {
        const request = (args as Partial<{ request: { headers: Record<string, string> } }>).request;
        const signed = request?.headers.authorization ? "signed" : "-";
        order.push(`${name}:${"params" in args ? "params" : "-"}:${signed}`);
        return next(args);
      };
    client = testClient(server, {
      middleware: [
        { step: "deserialize", name: "d", middleware: tap("deserialize") },
        { step: "initialize", name: "i", middleware: tap("initialize") },
        { step: "finalizeRequest", name: "f", middleware: tap("finalizeRequest") },
        { step: "build", name: "b", middleware: tap("build") },
      ],
    });
    expect(client.middleware.list()).toEqual([
      { step: "initialize", name: "i" },
      { step: "serialize", name: "serializeInput" },
      { step: "build", name: "buildRequest" },
      { step: "build", name: "b" },
      { step: "finalizeRequest", name: "retry" },
      { step: "finalizeRequest", name: "sign" },
      { step: "finalizeRequest", name: "f" },
      { step: "deserialize", name: "deserializeResponse" },
      { step: "deserialize", name: "d" },
    ]);
    await listTaskFlow(client);
    expect(order).toEqual(["initialize:-:-", "build:params:-", "finalizeRequest:params:signed", "deserialize:params:signed"]);
  });

  it("lets a build middleware add a signed x-acs header, and a later one see each attempt", async () => {
    const attempts: number[] = [];
    client = testClient(server);
    client.middleware
      .add({
        step: "build",
        name: "traceHeader",
        middleware: (next) => (args) =>
          next({ ...args, request: { ...args.request, headers: { ...args.request.headers, "x-acs-trace": "t-1" } } }),
      })
      .add({
        step: "finalizeRequest",
        name: "countAttempts",
        middleware: (next) => (args) => {
          attempts.push(args.attempt);
          return next(args);
        },
      });
    server.script({ status: 503, body: { Code: "ServiceUnavailable", Message: "busy" } });
    await listTaskFlow(client);
    expect(attempts).toEqual([1, 2]);
    const seen = server.requests.at(-1)!;
    expect(seen).toMatchObject({ valid: true, headers: { "x-acs-trace": "t-1" } });
    expect(seen.headers.authorization).toContain("x-acs-trace");
  });

  it("refuses a duplicate name or an unknown step", () => {
    client = testClient(server);
    const entry: DmsMiddlewareEntry = { step: "build", name: "buildRequest", middleware: (next) => next };
    const passThrough: DmsMiddleware<DmsInitializeArgs, DmsCallResult> = (next) => next;
    expect(() => client.middleware.add({ step: "initialize", name: "sign", middleware: passThrough })).toThrow(
      /already in the stack/,
    );
    expect(() => client.middleware.add(entry)).toThrow(DmsConfigError);
    expect(() => client.middleware.add({ ...entry, name: "x", step: "send" as never })).toThrow(/Unknown middleware step "send"/);
    expect(client.middleware.remove("nope")).toBe(false);
  });
});

describe("hooks", () => {
  it("get redacted requests, responses with RequestId and duration, and one completion per call", async () => {
    const requests: DmsRequestEvent[] = [];
    const responses: DmsResponseEvent[] = [];
    const completions: unknown[] = [];
    client = testClient(server, {
      credentials: STS_CREDENTIALS,
      signer: signerV1,
      httpMethod: "GET",
      hooks: { onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e), onComplete: (e) => completions.push(e) },
    });
    await listTaskFlow(client, { Tid: TEST_TID });
    const view = requests[0]!.request;
    expect(view.method).toBe("GET");
    expect(view.url).toMatch(/[?&]Signature=\*\*\*$/);
    expect(view.url).toContain("SecurityToken=***");
    expect(view.url).toContain("AccessKeyId=STS.****tid");
    expect(view.url).toContain(`Tid=${TEST_TID}`);
    expect(JSON.stringify(requests)).not.toMatch(/sts-token-value|stssecret/);
    expect(responses[0]).toMatchObject({ action: "ListTaskFlow", attempt: 1, statusCode: 200 });
    expect(responses[0]!.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(completions).toEqual([{ action: "ListTaskFlow", attempts: 1, durationMs: expect.any(Number), error: undefined }]);
  });

  it("redact V3 authorization and token headers", async () => {
    const requests: DmsRequestEvent[] = [];
    client = testClient(server, {
      credentials: { accessKeyId: "LTAI5tAbCdEfGhIjK", accessKeySecret: "testsecret", securityToken: "the-sts-token" },
      hooks: { onRequest: (e) => requests.push(e) },
    });
    await listTaskFlow(client).catch(() => undefined);
    const headers = requests[0]!.request.headers;
    expect(headers.authorization).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI\*\*\*\*IjK,SignedHeaders=[a-z0-9;-]+,Signature=\*\*\*$/,
    );
    expect(headers["x-acs-security-token"]).toBe("***");
    expect(headers["x-acs-accesskey-id"]).toBe("LTAI****IjK");
  });

  it("cannot break a call by throwing", async () => {
    client = testClient(server, {
      hooks: {
        onRequest: () => {
          throw new Error("logger down");
        },
        onComplete: () => {
          throw new Error("metrics down");
        },
      },
    });
    await expect(listTaskFlow(client)).resolves.toMatchObject({ Success: true });
  });

  it("write one debug line per attempt, retry and outcome", async () => {
    const lines: string[] = [];
    client = testClient(server, { hooks: debugHooks((line) => lines.push(line)) });
    server.script({ status: 500, body: { Code: "InternalError", Message: "boom" } });
    await listTaskFlow(client);
    expect(
      lines.map(
        (l) =>
          l
            .replace(/ (in|retrying in) [\d.]+ ms/, " $1 N ms")
            .replace(/RequestId [\w-]+/, "RequestId R")
            .split(": ")[0],
      ),
    ).toEqual([
      "[dmsflow] ListTaskFlow attempt 1",
      "[dmsflow] ListTaskFlow attempt 1",
      "[dmsflow] ListTaskFlow attempt 1 failed (InternalError); retrying in N ms",
      "[dmsflow] ListTaskFlow attempt 2",
      "[dmsflow] ListTaskFlow attempt 2",
      "[dmsflow] ListTaskFlow succeeded after 2 attempts in N ms",
    ]);
    expect(lines.every((l) => !l.includes("\n"))).toBe(true);
  });
});
