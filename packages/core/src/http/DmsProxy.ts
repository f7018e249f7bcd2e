import type { Agent as HttpAgent } from "node:http";
import type { AgentOptions } from "node:https";
import { DmsConfigError } from "../errors/localErrors.js";
import { type ProxySettings, type ProxyTarget, parseProxy, proxyFor } from "./proxyFromEnvironment.js";
import { createTunnelingAgent } from "./TunnelingAgent.js";

/**
 * A forward proxy for DmsClient's `proxy` option. Opt-in, as in AWS SDK v3 and the official
 * Alibaba Cloud SDK: a program that does not pass one does not carry the tunnelling code.
 */
export interface DmsProxy {
  /** The proxy for a target, or undefined to connect directly; `env` is the client's environment. */
  readonly select: (target: ProxyTarget, env: Readonly<Record<string, string | undefined>>) => ProxySettings | undefined;
  /** Makes the keep-alive agent that tunnels https to the target through the proxy with CONNECT. */
  readonly tunnel: (proxy: ProxySettings, connectTimeoutMs: number, options: AgentOptions) => HttpAgent;
}

/**
 * Uses the proxy the environment names, as curl and the aliyun CLI do: HTTPS_PROXY for https
 * endpoints, HTTP_PROXY for http ones (lower-case names first), unless NO_PROXY covers the host.
 */
export function proxyFromEnvironment(): DmsProxy {
  return { select: proxyFor, tunnel: createTunnelingAgent };
}

/**
 * Sends every request through one http:// proxy, whatever the environment says; `user:password@`
 * in the URL becomes Proxy-Authorization (never shown). Throws DmsConfigError for a bad URL.
 */
export function httpProxy(url: string): DmsProxy {
  if (typeof url !== "string")
    throw new DmsConfigError("proxy", "httpProxy(url) needs a URL such as http://proxy.example.com:3128.");
  const settings = parseProxy(url, "proxy");
  return { select: () => settings, tunnel: createTunnelingAgent };
}
