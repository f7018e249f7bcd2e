import type { AgentOptions, Agent as HttpAgent } from "node:http";
import type { AgentOptions as HttpsAgentOptions } from "node:https";
import type { Socket } from "node:net";

/** Marks the error a socket is destroyed with when it does not connect in time. */
export const CONNECT_TIMEOUT = Symbol("dmsflow.connectTimeout");

/** Destroys a socket that has not connected within the limit; the request sees the marked error. */
export function armConnectTimeout(socket: Socket, connectTimeoutMs: number): void {
  if (!socket.connecting) return;
  const timer = setTimeout(() => {
    socket.destroy(
      Object.assign(new Error(`no connection within ${connectTimeoutMs} ms`), { code: "ETIMEDOUT", [CONNECT_TIMEOUT]: true }),
    );
  }, connectTimeoutMs);
  socket.once("connect", () => clearTimeout(timer));
  socket.once("close", () => clearTimeout(timer));
}

type AgentClass<Options> = new (connectTimeoutMs: number, options: Options) => HttpAgent;
type AgentBase<Options> = new (options: Options) => HttpAgent;
let timedHttpAgent: AgentClass<AgentOptions> | undefined;
let timedHttpsAgent: AgentClass<HttpsAgentOptions> | undefined;

/** An agent class that arms the connect timeout once per new socket, on top of http's or https's Agent. */
function timedAgentClass<Options>(Base: AgentBase<Options>): AgentClass<Options> {
  return class TimedAgent extends Base {
    readonly #connectTimeoutMs: number;
    constructor(timeoutMs: number, agentOptions: Options) {
      super(agentOptions);
      this.#connectTimeoutMs = timeoutMs;
    }
    override createConnection(...args: Parameters<HttpAgent["createConnection"]>): ReturnType<HttpAgent["createConnection"]> {
      const socket = super.createConnection(...args);
      armConnectTimeout(socket as Socket, this.#connectTimeoutMs);
      return socket;
    }
  };
}

/**
 * A keep-alive http agent with a connect timeout armed once per new socket, so a call on a reused
 * socket pays nothing for it. The class is made on first use: node:http is loaded only then.
 */
export function createTimedHttpAgent(connectTimeoutMs: number, options: AgentOptions): HttpAgent {
  timedHttpAgent ??= timedAgentClass<AgentOptions>(process.getBuiltinModule("node:http").Agent);
  return new timedHttpAgent(connectTimeoutMs, options);
}

/** The https counterpart (TCP connect only; the TLS handshake counts toward timeoutMs). */
export function createTimedHttpsAgent(connectTimeoutMs: number, options: HttpsAgentOptions): HttpAgent {
  timedHttpsAgent ??= timedAgentClass<HttpsAgentOptions>(process.getBuiltinModule("node:https").Agent);
  return new timedHttpsAgent(connectTimeoutMs, options);
}
