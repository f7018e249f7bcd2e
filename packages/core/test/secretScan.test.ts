import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { listTaskFlow, listTaskFlowInstance } from "@dmsflow/client";
import { createProxy } from "proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DmsClient,
  type DmsClientOptions,
  type DmsHooks,
  debugHooks,
  proxyFromEnvironment,
  resolveCredentials,
  rpcEncode,
  signerV1,
  signerV3,
} from "../src/index.js";
import { cliConfig, tempHome } from "./fixtures/tempHome.js";
import { TestEmulator } from "./fixtures/testEmulator.js";

// Recognisable secrets, with characters that change under percent-encoding.
const SECRET = "SeCrEt-7f3a9c!(x)*+ /~Q";
const TOKEN = "STS.ToKeN-9d8e7f+/=QQ&abc";
const PROXY_PASSWORD = "pr0xy-p@ss!word";
const ID = "LTAI5tScanKeyId0001";

let server: TestEmulator;
let proxy: Server;
let proxyUrl = "";
const transcript: string[] = [];

const record = (label: string, value: unknown) => {
  if (value instanceof Error) {
    transcript.push(`${label} message: ${value.message}`, `${label} string: ${String(value)}`, `${label} stack: ${value.stack}`);
    transcript.push(
      `${label} json: ${JSON.stringify(value)}`,
      `${label} inspect: ${inspect(value, { depth: 6, showHidden: true })}`,
    );
  } else {
    transcript.push(`${label}: ${typeof value === "string" ? value : inspect(value, { depth: 6 })}`);
  }
};
const hooks: DmsHooks = {
  onRequest: (e) => record("onRequest", JSON.stringify(e)),
  onResponse: (e) => record("onResponse", JSON.stringify(e)),
  onRetry: (e) => record("onRetry", JSON.stringify(e)),
  onComplete: (e) => record("onComplete", JSON.stringify(e)),
};
const clientFor = (options: DmsClientOptions = {}) => {
  const client = new DmsClient({
    endpoint: server.url,
    credentials: { accessKeyId: ID, accessKeySecret: SECRET, securityToken: TOKEN },
    env: {},
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    hooks: [hooks, debugHooks((line) => record("debug", line))],
    ...options,
  });
  record("client", client);
  return client;
};
const attempt = async (label: string, call: () => Promise<unknown>) => {
  try {
    record(`${label} result`, await call());
  } catch (error) {
    record(label, error);
  }
};

beforeAll(async () => {
  server = await TestEmulator.start({ accessKeys: { [ID]: SECRET } });
  await server.add("42", [{ Id: 1, Status: 2 }]);
  proxy = createProxy(createHttpServer());
  (proxy as ReturnType<typeof createProxy>).authenticate = () => false;
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://scan:${encodeURIComponent(PROXY_PASSWORD)}@127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await Promise.all([server.close(), new Promise<void>((resolve) => proxy.close(() => resolve()))]);
});

describe("no secret ever appears in a message, a log line or debug output", () => {
  it("holds over successes, every kind of failure, both signatures and both methods", async () => {
    for (const signer of [signerV3, signerV1]) {
      for (const httpMethod of ["POST", "GET"] as const) {
        const client = clientFor({ signer, httpMethod });
        const tag = `${signer.version}/${httpMethod}`;
        await attempt(`${tag} success`, () => listTaskFlowInstance(client, { DagId: 42, PageIndex: 1, PageSize: 10 }));
        server.script({
          status: 400,
          body: { Code: "InvalidSecurityToken.Malformed", Message: `Token ${TOKEN} (${rpcEncode(TOKEN)}) is malformed.` },
        });
        await attempt(`${tag} echoed token`, () => listTaskFlow(client));
        server.script({
          status: 200,
          body: { Success: false, ErrorCode: "Denied", ErrorMessage: `secret ${SECRET} token ${rpcEncode(rpcEncode(TOKEN))}` },
        });
        await attempt(`${tag} business`, () => listTaskFlow(client));
        server.script(
          { status: 503, body: { Code: "ServiceUnavailable", Message: "busy" } },
          { drop: "before" },
          { drop: "before" },
        );
        await attempt(`${tag} retries then network`, () => listTaskFlow(client));
        server.script({ delayMs: 200 });
        await attempt(`${tag} timeout`, () => listTaskFlow(client, {}, { timeoutMs: 50, retry: false }));
        server.script({ status: 200, body: "<html>not json</html>" });
        await attempt(`${tag} format`, () => listTaskFlow(client));
        await attempt(`${tag} validation`, () => client.resumeTaskFlowInstance({ DagId: "x", DagInstanceId: 1 }));
        await attempt(`${tag} abort`, () => listTaskFlow(client, {}, { signal: AbortSignal.abort() }));
        client.destroy();
        const wrong = clientFor({
          signer,
          httpMethod,
          credentials: { accessKeyId: ID, accessKeySecret: `${SECRET}-wrong`, securityToken: TOKEN },
        });
        await attempt(`${tag} signature mismatch`, () => listTaskFlow(wrong));
        wrong.destroy();
      }
    }
    const resume = clientFor();
    server.script({ action: "ResumeTaskFlowInstance", drop: "after" });
    await attempt("recovered resume", () => resume.resumeTaskFlowInstance({ DagId: 42, DagInstanceId: 1 }));
    resume.destroy();

    const proxied = clientFor({
      endpoint: "https://127.0.0.1:1",
      env: { HTTPS_PROXY: proxyUrl },
      proxy: proxyFromEnvironment(),
      retry: false,
    });
    await attempt("proxy refusal", () => listTaskFlow(proxied));
    proxied.destroy();

    const home = tempHome({ ".aliyun/config.json": `{"profiles":[{"name":"default","access_key_secret":"${SECRET}",}]}` });
    await attempt("broken config", () => resolveCredentials({ env: {}, homeDir: home.dir }));
    home.write(
      ".aliyun/config.json",
      cliConfig("default", [{ name: "default", mode: "OAuth", access_key_id: ID, access_key_secret: SECRET }]),
    );
    await attempt("unsupported mode", () => resolveCredentials({ env: {}, homeDir: home.dir }));
    // A RamRoleArn exchange whose "STS" is the test server: whatever it answers, no secret comes back.
    home.write(
      ".aliyun/config.json",
      cliConfig("default", [
        {
          name: "default",
          mode: "RamRoleArn",
          access_key_id: ID,
          access_key_secret: SECRET,
          sts_token: TOKEN,
          ram_role_arn: "acs:ram::1:role/r",
        },
      ]),
    );
    await attempt("role exchange", () =>
      resolveCredentials({ env: { ALIBABA_CLOUD_STS_ENDPOINT: server.url }, homeDir: home.dir }),
    );
    home.remove();

    const stderr: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => stderr.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const toStderr = new DmsClient({
        endpoint: server.url,
        credentials: { accessKeyId: ID, accessKeySecret: SECRET, securityToken: TOKEN },
        env: {},
        hooks: debugHooks(),
      });
      await attempt("debugHooks() on stderr", () => listTaskFlow(toStderr));
      toStderr.destroy();
    } finally {
      process.stderr.write = write;
    }
    transcript.push(...stderr);

    // The scan covered what it claims to: every path left its trace.
    const text = transcript.join("\n");
    for (const marker of [
      "SignatureDoesNotMatch",
      "InvalidSecurityToken.Malformed",
      "Denied",
      "NetworkError",
      "Timeout",
      "InvalidResponse",
      "ValidationError",
      "Aborted",
      "recovered",
      "HTTP 407",
      "InvalidCredentialsFile",
      "UnsupportedCredentialMode",
      "STS AssumeRole",
      "[dmsflow] ListTaskFlow attempt 1: POST",
      "***",
    ]) {
      expect(text, marker).toContain(marker);
    }
    expect(stderr.length).toBeGreaterThan(0);

    const signatures = server.requests.flatMap((r) => {
      const fromHeader = /Signature=([0-9a-f]{64})/.exec(String(r.headers.authorization ?? ""))?.[1];
      return [fromHeader, r.params.Signature].filter((s): s is string => Boolean(s));
    });
    expect(signatures.length).toBeGreaterThan(20);
    for (const secret of [SECRET, TOKEN, PROXY_PASSWORD, ...signatures]) {
      for (const form of new Set([secret, rpcEncode(secret), rpcEncode(rpcEncode(secret)), encodeURIComponent(secret)])) {
        expect(text.includes(form), `found ${form.slice(0, 12)}…`).toBe(false);
      }
    }
  }, 60_000);
});
