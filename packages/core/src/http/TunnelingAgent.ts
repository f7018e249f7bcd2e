import type { Agent as HttpAgent } from "node:http";
import type { AgentOptions } from "node:https";
import type { Duplex } from "node:stream";
import type { ConnectionOptions } from "node:tls";
import { PROXY_FAILURE } from "./proxyFailure.js";
import type { ProxySettings } from "./proxyFromEnvironment.js";
import { CONNECT_TIMEOUT } from "./timedAgents.js";

type TunnelingAgentClass = new (proxy: ProxySettings, connectTimeoutMs: number, options: AgentOptions) => HttpAgent;
let tunnelingAgent: TunnelingAgentClass | undefined;

/**
 * An https keep-alive agent whose sockets go through an HTTP proxy: CONNECT host:port, then TLS
 * to the target over the tunnel. Pooling works as for a direct agent (keyed by the target). The
 * class is made on first use, so node:https and node:tls load only when a proxy is used.
 */
export function createTunnelingAgent(proxy: ProxySettings, connectTimeoutMs: number, options: AgentOptions): HttpAgent {
  tunnelingAgent ??= defineTunnelingAgent();
  return new tunnelingAgent(proxy, connectTimeoutMs, options);
}

function defineTunnelingAgent(): TunnelingAgentClass {
  const { request } = process.getBuiltinModule("node:http");
  const { isIP } = process.getBuiltinModule("node:net");
  const { connect } = process.getBuiltinModule("node:tls");
  return class TunnelingAgent extends process.getBuiltinModule("node:https").Agent {
    readonly #proxy: ProxySettings;
    readonly #connectTimeoutMs: number;

    constructor(proxySettings: ProxySettings, timeoutMs: number, agentOptions: AgentOptions) {
      super(agentOptions);
      this.#proxy = proxySettings;
      this.#connectTimeoutMs = timeoutMs;
    }

    override createConnection(options: ConnectionOptions, callback: (error: Error | null, socket?: Duplex) => void): undefined {
      const proxy = this.#proxy;
      const target = `${options.host}:${options.port}`;
      const headers: Record<string, string> = { host: target };
      if (proxy.authorization) headers["proxy-authorization"] = proxy.authorization;
      const tunnel = request({ host: proxy.hostname, port: proxy.port, method: "CONNECT", path: target, headers, agent: false });
      let done = false;
      const fail = (error: Error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        tunnel.destroy();
        callback(error);
      };
      const timer = setTimeout(() => {
        const message = `the proxy ${proxy.display} did not open a tunnel within ${this.#connectTimeoutMs} ms`;
        fail(Object.assign(new Error(message), { code: "ETIMEDOUT", [CONNECT_TIMEOUT]: true, [PROXY_FAILURE]: true }));
      }, this.#connectTimeoutMs);
      tunnel.once("connect", (response, socket) => {
        if (done) return;
        if (response.statusCode !== 200) {
          socket.destroy();
          const message = `the proxy ${proxy.display} answered CONNECT ${target} with HTTP ${response.statusCode}`;
          fail(Object.assign(new Error(message), { code: "EPROXY", [PROXY_FAILURE]: true }));
          return;
        }
        done = true;
        clearTimeout(timer);
        const host = String(options.host);
        // SNI must not carry an IP address (RFC 6066); Node warns when it does.
        const servername = options.servername || (isIP(host) ? undefined : host);
        callback(null, connect({ ...options, socket, ...(servername ? { servername } : {}) }));
      });
      tunnel.once("error", (error: NodeJS.ErrnoException) => {
        const message = `cannot reach the proxy ${proxy.display} (${error.code ?? error.message})`;
        fail(Object.assign(new Error(message), { code: error.code ?? "EPROXY", [PROXY_FAILURE]: true }));
      });
      tunnel.end();
      return undefined;
    }
  };
}
