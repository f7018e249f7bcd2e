import { describe, expect, it } from "vitest";
import { parseProxy, proxyFor } from "./proxyFromEnvironment.js";

const https = { protocol: "https:", hostname: "dms-enterprise.cn-hangzhou.aliyuncs.com", port: 443 };
const http = { protocol: "http:", hostname: "127.0.0.1", port: 8080 };

describe("proxyFor", () => {
  it("picks the variable for the target's scheme, lower case first", () => {
    const env = { HTTPS_PROXY: "http://upper:3128", https_proxy: "http://lower:3128", HTTP_PROXY: "http://plain:8080" };
    expect(proxyFor(https, env)).toMatchObject({
      hostname: "lower",
      port: 3128,
      display: "http://lower:3128",
      authorization: undefined,
    });
    expect(proxyFor(http, env)).toMatchObject({ hostname: "plain", port: 8080 });
    expect(proxyFor(http, { HTTPS_PROXY: "http://only-https:1" })).toBeUndefined();
  });

  it("accepts a bare host:port and turns user:password into Basic authorization, kept out of display", () => {
    expect(proxyFor(https, { HTTPS_PROXY: "proxy.local:3128" })).toMatchObject({ hostname: "proxy.local", port: 3128 });
    const withAuth = proxyFor(https, { HTTPS_PROXY: "http://a%20b:p%40ss@proxy.local" })!;
    expect(withAuth.authorization).toBe(`Basic ${Buffer.from("a b:p@ss").toString("base64")}`);
    expect(withAuth.display).toBe("http://proxy.local");
  });

  it("goes direct when NO_PROXY covers the host", () => {
    expect(proxyFor(https, { HTTPS_PROXY: "http://env:1", NO_PROXY: "*" })).toBeUndefined();
  });

  it("refuses what it cannot use, naming the variable", () => {
    expect(() => proxyFor(https, { HTTPS_PROXY: "https://secure-proxy:443" })).toThrow(/HTTPS_PROXY must be an http:\/\/ proxy/);
    expect(() => parseProxy("socks5://x:1", "proxy")).toThrow(/proxy must be an http:\/\/ proxy/);
    expect(() => proxyFor(https, { HTTPS_PROXY: "http://[bad" })).toThrow(/HTTPS_PROXY is not a URL/);
  });
});
