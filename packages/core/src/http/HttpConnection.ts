import type { Agent as HttpAgent, request as httpRequest } from "node:http";
import type { ResolvedEndpoint } from "../endpoint/resolveEndpoint.js";
import type { DmsProxy } from "./DmsProxy.js";
import type { ProxySettings } from "./proxyFromEnvironment.js";
import { createTimedHttpAgent, createTimedHttpsAgent } from "./timedAgents.js";

/** TLS trust for the endpoint (and an inspecting proxy): PEM text or buffers. */
export type CertificateAuthority = string | Buffer | readonly (string | Buffer)[];

/** Default cap on a response body: 16 MiB, far above any DMS answer, far below what would exhaust memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * How a client reaches its endpoint: a keep-alive agent, direct or through a proxy (absolute-URI
 * forwarding for http, CONNECT tunnelling for https), fixed at construction so calls only look it up.
 */
export class HttpConnection {
  /** The endpoint requests are for. */
  readonly endpoint: ResolvedEndpoint;
  /** The proxy in use, if any. */
  readonly proxy: ProxySettings | undefined;
  /** node:http or node:https `request`. */
  readonly request: typeof httpRequest;
  /** The agent holding the kept-alive sockets. */
  readonly agent: HttpAgent;
  /** Host to open the TCP connection to (the proxy for forwarded http). */
  readonly connectHost: string;
  /** Port to open the TCP connection to. */
  readonly connectPort: number;
  /** Prefix for the request target: the origin for absolute-URI forwarding, else empty. */
  readonly pathPrefix: string;
  /** Extra headers for forwarded http (Proxy-Authorization), else undefined. */
  readonly proxyHeaders: Record<string, string> | undefined;
  /** Time allowed to open a new connection (or proxy tunnel). */
  readonly connectTimeoutMs: number;
  /** The largest response body accepted, in bytes (a DMS answer is kilobytes). */
  maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

  constructor(
    endpoint: ResolvedEndpoint,
    proxyOption: DmsProxy | undefined,
    env: Readonly<Record<string, string | undefined>>,
    connectTimeoutMs: number,
    ca?: CertificateAuthority,
  ) {
    const proxy = proxyOption?.select(endpoint, env);
    this.endpoint = endpoint;
    this.proxy = proxy;
    this.connectTimeoutMs = connectTimeoutMs;
    const agentOptions = { keepAlive: true, keepAliveMsecs: 1000, maxFreeSockets: 256, scheduling: "lifo" as const };
    const tls = ca === undefined ? {} : { ca: ca as string | Buffer | (string | Buffer)[] };
    this.connectHost = endpoint.hostname;
    this.connectPort = endpoint.port;
    this.pathPrefix = "";
    this.proxyHeaders = undefined;
    if (endpoint.protocol === "https:") {
      // Loaded here, not at import: importing core should not pay for node:https and node:tls.
      this.request = process.getBuiltinModule("node:https").request as typeof httpRequest;
      const options = { ...agentOptions, ...tls };
      this.agent = proxy
        ? proxyOption!.tunnel(proxy, connectTimeoutMs, options)
        : createTimedHttpsAgent(connectTimeoutMs, options);
    } else {
      this.request = process.getBuiltinModule("node:http").request;
      this.agent = createTimedHttpAgent(connectTimeoutMs, agentOptions);
      if (proxy) {
        this.connectHost = proxy.hostname;
        this.connectPort = proxy.port;
        this.pathPrefix = endpoint.origin;
        if (proxy.authorization) this.proxyHeaders = { "proxy-authorization": proxy.authorization };
      }
    }
  }

  /** Closes every kept-alive socket. */
  destroy(): void {
    this.agent.destroy();
  }
}
