import { createServer as createHttpServer, type Server } from "node:http";
import { type AddressInfo, createServer as createTcpServer, Socket } from "node:net";
import { listTaskFlow } from "@dmsflow/client";
import { createProxy } from "proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { armConnectTimeout, CONNECT_TIMEOUT } from "../src/http/timedAgents.js";
import {
  bypassesProxy,
  DmsClient,
  DmsConfigError,
  DmsNetworkError,
  DmsTimeoutError,
  httpProxy,
  proxyFromEnvironment,
} from "../src/index.js";
import { selfSignedCertificate } from "./fixtures/selfSignedCertificate.js";
import { TEST_CREDENTIALS } from "./fixtures/testClient.js";
import { TestEmulator } from "./fixtures/testEmulator.js";

interface RunningProxy {
  url: string;
  forwarded: string[];
  tunnels: string[];
  server: Server;
}

async function startProxy(authenticate?: (header: string | undefined) => boolean): Promise<RunningProxy> {
  const server = createProxy(createHttpServer());
  const running: RunningProxy = { url: "", forwarded: [], tunnels: [], server };
  if (authenticate) server.authenticate = (req) => authenticate(req.headers["proxy-authorization"]);
  server.on("request", (req) => running.forwarded.push(req.url ?? ""));
  server.on("connect", (req) => running.tunnels.push(req.url ?? ""));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  running.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return running;
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });

let httpTarget: TestEmulator;
let httpsTarget: TestEmulator;
let cert: string;
let proxy: RunningProxy;
let authProxy: RunningProxy;

beforeAll(async () => {
  const tls = selfSignedCertificate();
  cert = tls.cert;
  [httpTarget, httpsTarget, proxy, authProxy] = await Promise.all([
    TestEmulator.start(),
    TestEmulator.start({ tls }),
    startProxy(),
    startProxy((header) => header === `Basic ${Buffer.from("dms user:p@ss word").toString("base64")}`),
  ]);
});
afterAll(async () => {
  await Promise.all([httpTarget.close(), httpsTarget.close(), closeServer(proxy.server), closeServer(authProxy.server)]);
});

// Proxies are opt-in: these clients ask for the environment's, as the CLI does.
const client = (target: TestEmulator, env: Record<string, string>, extra: Record<string, unknown> = {}) =>
  new DmsClient({
    endpoint: target.url,
    credentials: TEST_CREDENTIALS,
    env,
    ca: cert,
    retry: { baseDelayMs: 1 },
    proxy: proxyFromEnvironment(),
    ...extra,
  });

describe("proxies (a real proxy server on 127.0.0.1)", () => {
  it("forwards http requests to HTTP_PROXY with an absolute URI", async () => {
    const c = client(httpTarget, { HTTP_PROXY: proxy.url });
    await expect(listTaskFlow(c)).resolves.toMatchObject({ Success: true });
    expect(proxy.forwarded.at(-1)).toBe(`${httpTarget.url}/`);
    expect(httpTarget.requests.at(-1)).toMatchObject({ valid: true, action: "ListTaskFlow" });
    c.destroy();
  });

  it("tunnels https through HTTPS_PROXY with CONNECT, reusing the tunnel across calls", async () => {
    const c = client(httpsTarget, { https_proxy: proxy.url });
    const before = proxy.tunnels.length;
    for (let i = 0; i < 3; i++) await expect(listTaskFlow(c)).resolves.toMatchObject({ Success: true });
    expect(proxy.tunnels.slice(before)).toEqual([httpsTarget.url.replace("https://", "")]);
    expect(httpsTarget.requests.slice(-3).every((r) => r.valid)).toBe(true);
    c.destroy();
  });

  it("goes direct for hosts in NO_PROXY, and ignores the environment without the proxy option", async () => {
    const before = proxy.tunnels.length + proxy.forwarded.length;
    const bypassed = client(httpsTarget, { HTTPS_PROXY: proxy.url, NO_PROXY: "localhost,127.0.0.1" });
    await expect(listTaskFlow(bypassed)).resolves.toMatchObject({ Success: true });
    const direct = client(httpTarget, { HTTP_PROXY: proxy.url }, { proxy: undefined });
    await expect(listTaskFlow(direct)).resolves.toMatchObject({ Success: true });
    expect(proxy.tunnels.length + proxy.forwarded.length).toBe(before);
    bypassed.destroy();
    direct.destroy();
  });

  it("sends everything through httpProxy(url), whatever HTTPS_PROXY and NO_PROXY say", async () => {
    const c = client(httpsTarget, { HTTPS_PROXY: "http://127.0.0.1:9", NO_PROXY: "*" }, { proxy: httpProxy(proxy.url) });
    const before = proxy.tunnels.length;
    await expect(listTaskFlow(c)).resolves.toMatchObject({ Success: true });
    expect(proxy.tunnels.length).toBe(before + 1);
    c.destroy();
  });

  it("refuses a proxy option that is not made by httpProxy or proxyFromEnvironment, saying how to make one", () => {
    const make = (proxyOption: unknown) => () => client(httpTarget, {}, { proxy: proxyOption });
    expect(make(proxy.url)).toThrow(DmsConfigError);
    expect(make(proxy.url)).toThrow(/proxy must come from httpProxy\(url\) or proxyFromEnvironment\(\)/);
    expect(() => httpProxy("socks5://x:1")).toThrow(/proxy must be an http:\/\/ proxy/);
  });

  it("authenticates to the proxy from the URL's user and password, and never shows the password", async () => {
    const proxyUrl = authProxy.url.replace("http://", "http://dms%20user:p%40ss%20word@");
    const good = client(httpsTarget, { HTTPS_PROXY: proxyUrl });
    await expect(listTaskFlow(good)).resolves.toMatchObject({ Success: true });
    good.destroy();
    const forwarded = client(httpTarget, { HTTP_PROXY: proxyUrl });
    await expect(listTaskFlow(forwarded)).resolves.toMatchObject({ Success: true });
    forwarded.destroy();
    const bad = client(httpsTarget, { HTTPS_PROXY: authProxy.url.replace("http://", "http://dms%20user:wrong-pass@") });
    const error = await listTaskFlow(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DmsNetworkError);
    expect((error as Error).message).toMatch(
      /the proxy http:\/\/127\.0\.0\.1:\d+ answered CONNECT 127\.0\.0\.1:\d+ with HTTP 407/,
    );
    expect((error as Error).message).toMatch(/Check HTTPS_PROXY\/HTTP_PROXY and NO_PROXY/);
    expect(`${(error as Error).message} ${(error as Error).stack} ${JSON.stringify(error)}`).not.toMatch(
      /wrong-pass|p%40ss|p@ss/,
    );
    bad.destroy();
  });

  it("says when the proxy cannot be reached, or does not open a tunnel in time", async () => {
    const down = createTcpServer();
    await new Promise<void>((resolve) => down.listen(0, "127.0.0.1", resolve));
    const downUrl = `http://127.0.0.1:${(down.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => down.close(() => resolve()));
    const unreachable = client(httpsTarget, { HTTPS_PROXY: downUrl });
    const error = await listTaskFlow(unreachable).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DmsNetworkError", outcomeUnknown: false, attempts: 3 });
    expect((error as Error).message).toContain(`cannot reach the proxy ${downUrl} (ECONNREFUSED)`);
    unreachable.destroy();

    const silent = createTcpServer((socket) => socket.on("data", () => undefined));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const stalled = client(
      httpsTarget,
      { HTTPS_PROXY: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` },
      { connectTimeoutMs: 100, retry: false },
    );
    const timeout = await listTaskFlow(stalled).catch((e: unknown) => e);
    expect(timeout).toBeInstanceOf(DmsTimeoutError);
    expect(timeout).toMatchObject({ code: "ConnectTimeout", phase: "connect", timeoutMs: 100, outcomeUnknown: false });
    expect((timeout as Error).message).toMatch(/could not connect to https:\/\/127\.0\.0\.1:\d+ via proxy .* within 100 ms/);
    stalled.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });
});

describe("connect timeout", () => {
  it("destroys a socket that is still connecting when the limit passes", async () => {
    const socket = new Socket();
    // A lookup that never answers keeps a real socket in its connecting state.
    socket.connect({ host: "never.invalid", port: 80, lookup: () => undefined });
    expect(socket.connecting).toBe(true);
    armConnectTimeout(socket, 30);
    const error = await new Promise<Error & { [CONNECT_TIMEOUT]?: boolean }>((resolve) => socket.once("error", resolve));
    expect(error[CONNECT_TIMEOUT]).toBe(true);
    expect(socket.destroyed).toBe(true);
  });
});

describe("NO_PROXY matching", () => {
  it.each([
    ["*", "dms-enterprise.cn-hangzhou.aliyuncs.com", 443, true],
    ["aliyuncs.com", "dms-enterprise.cn-hangzhou.aliyuncs.com", 443, true],
    [".aliyuncs.com", "dms-enterprise.cn-hangzhou.aliyuncs.com", 443, true],
    ["*.aliyuncs.com", "aliyuncs.com", 443, true],
    ["notaliyuncs.com", "aliyuncs.com", 443, false],
    ["example.com, 127.0.0.1", "127.0.0.1", 8080, true],
    ["127.0.0.1:9000", "127.0.0.1", 8080, false],
    ["127.0.0.1:8080", "127.0.0.1", 8080, true],
    ["[::1]", "::1", 80, true],
    ["", "127.0.0.1", 80, false],
  ])("%j covers %s:%d: %s", (noProxy, host, port, expected) => {
    expect(bypassesProxy(host, port, noProxy)).toBe(expected);
  });
});
