import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createProxy } from "proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useCliTestContext } from "./fixtures/testContext.js";

const t = useCliTestContext();
let proxy: Server;
let proxyUrl: string;
const forwarded: string[] = [];

beforeAll(async () => {
  proxy = createProxy(createServer());
  proxy.on("request", (req) => forwarded.push(req.url ?? ""));
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
});

// Core leaves proxies opt-in (as AWS SDK v3 does); the CLI opts in, as the aliyun CLI honours them.
describe("proxies (a real proxy server on 127.0.0.1)", () => {
  it("sends requests through HTTP_PROXY, and goes direct for hosts in NO_PROXY", async () => {
    const through = await t.cli(["tenants"], { HTTP_PROXY: proxyUrl });
    expect(through.code, through.stderr).toBe(0);
    // `tenants` makes two calls; both went through the proxy, with an absolute URI.
    expect(forwarded).toEqual([`${t.emulator.url}/`, `${t.emulator.url}/`]);

    const direct = await t.cli(["tenants"], { HTTP_PROXY: proxyUrl, NO_PROXY: "localhost,127.0.0.1" });
    expect(direct.code, direct.stderr).toBe(0);
    expect(forwarded).toHaveLength(2);
  });
});
