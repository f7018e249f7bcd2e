import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from "node:http";
import { DmsError } from "../errors/DmsError.js";
import { DmsAbortError, DmsNetworkError, DmsTimeoutError } from "../errors/transportErrors.js";
import type { DmsHttpRequest, DmsHttpResponse, DmsSendOptions } from "./DmsHttpMessage.js";
import type { HttpConnection } from "./HttpConnection.js";
import { PROXY_FAILURE } from "./proxyFailure.js";
import { CONNECT_TIMEOUT } from "./timedAgents.js";

/**
 * Sends one attempt over the connection's keep-alive agent and resolves with the whole response,
 * whatever its status. Rejects with DmsTimeoutError (connect or total), DmsNetworkError or
 * DmsAbortError, each saying whether the request may have reached the service: it may once its
 * bytes were handed to the socket (`writableFinished`), and cannot before.
 */
export function sendHttpRequest(
  connection: HttpConnection,
  request: DmsHttpRequest,
  context: DmsSendOptions,
): Promise<DmsHttpResponse> {
  return new Promise<DmsHttpResponse>((resolve, reject) => {
    const signal = context.signal;
    if (signal?.aborted) {
      reject(abortError(context, false));
      return;
    }
    let settled = false;
    let failure: DmsError | undefined;
    const req: ClientRequest = connection.request({
      agent: connection.agent,
      host: connection.connectHost,
      port: connection.connectPort,
      method: request.method,
      path: connection.pathPrefix === "" ? request.path : connection.pathPrefix + request.path,
      headers: headerList(request, connection.proxyHeaders),
    });
    const timer = setTimeout(() => {
      failure = timeoutError(context, connection, req.writableFinished);
      req.destroy(failure);
    }, context.timeoutMs);
    const onAbort = () => {
      failure = abortError(context, req.writableFinished);
      req.destroy(failure);
    };
    if (signal) signal.addEventListener("abort", onAbort, { once: true });
    const onError = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (signal) signal.removeEventListener("abort", onAbort);
      reject(failure ?? networkError(context, connection, error, req.writableFinished));
    };
    req.on("error", onError);
    req.on("response", (res: IncomingMessage) => {
      // Buffers, decoded once at the end: a response is usually one chunk, and setEncoding() would
      // add a StringDecoder to every call. Capped, since a wrong endpoint or a broken proxy can send
      // gigabytes, and a body beyond ~512 MB cannot even become one string.
      const chunks: Buffer[] = [];
      const cap = connection.maxResponseBytes;
      // Counted as it streams: reading res.headers here would build the headers object every call.
      let size = 0;
      const tooLarge = () => {
        failure = new DmsError(
          "ResponseTooLarge",
          `${context.action}: response over ${cap} bytes from ${where(connection)}; check the endpoint and proxy, or raise maxResponseBytes.`,
          false,
          { action: context.action, attempts: context.attempt },
        );
        req.destroy(failure);
        onError(failure);
      };
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > cap) tooLarge();
        else chunks.push(chunk);
      });
      res.on("error", onError);
      res.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (signal) signal.removeEventListener("abort", onAbort);
        const body = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
        resolve(new NodeHttpResponse(res, body));
      });
    });
    if (request.body === "") req.end();
    else req.end(request.body);
  });
}

// node:http takes headers as a flat [name, value, ...] list without the per-header setHeader()
// bookkeeping an object costs; with a list it cannot add Content-Length itself, so it is here.
function headerList(request: DmsHttpRequest, extra: Record<string, string> | undefined): string[] {
  const list: string[] = [];
  const headers = request.headers;
  for (const name in headers) list.push(name, headers[name]!);
  if (extra) for (const name in extra) list.push(name, extra[name]!);
  if (request.method !== "GET") list.push("content-length", String(Buffer.byteLength(request.body)));
  return list;
}

/** A response whose headers object is only built when something reads it (errors, hooks, middleware). */
class NodeHttpResponse implements DmsHttpResponse {
  readonly statusCode: number;
  readonly body: string;
  readonly #message: IncomingMessage;

  constructor(message: IncomingMessage, body: string) {
    this.statusCode = message.statusCode ?? 0;
    this.body = body;
    this.#message = message;
  }

  get headers(): IncomingHttpHeaders {
    return this.#message.headers;
  }
}

function where(connection: HttpConnection): string {
  return connection.proxy ? `${connection.endpoint.origin} via proxy ${connection.proxy.display}` : connection.endpoint.origin;
}

function attemptText(context: DmsSendOptions): string {
  return `attempt ${context.attempt} of ${context.retry.maxAttempts}`;
}

function timeoutError(context: DmsSendOptions, connection: HttpConnection, sent: boolean): DmsTimeoutError {
  const outcome = sent ? "; the request was sent, so it may have taken effect" : "";
  return new DmsTimeoutError(
    `${context.action}: no response from ${where(connection)} within ${context.timeoutMs} ms (${attemptText(context)})${outcome}. ` +
      "Raise timeoutMs or check the network.",
    { action: context.action, attempts: context.attempt, timeoutMs: context.timeoutMs, phase: "total", outcomeUnknown: sent },
  );
}

function abortError(context: DmsSendOptions, sent: boolean): DmsAbortError {
  const outcome = sent ? " after the request was sent, so it may have taken effect" : "";
  return new DmsAbortError(`${context.action}: aborted by the caller's signal${outcome}.`, {
    action: context.action,
    attempts: context.attempt,
    outcomeUnknown: sent,
  });
}

function networkError(context: DmsSendOptions, connection: HttpConnection, error: Error, sent: boolean): DmsError {
  const marked = error as Error & { code?: string; [CONNECT_TIMEOUT]?: boolean; [PROXY_FAILURE]?: boolean };
  if (marked[CONNECT_TIMEOUT]) {
    return new DmsTimeoutError(
      `${context.action}: could not connect to ${where(connection)} within ${connection.connectTimeoutMs} ms (${attemptText(context)}). ` +
        "Check the endpoint and network, or raise connectTimeoutMs.",
      {
        action: context.action,
        attempts: context.attempt,
        timeoutMs: connection.connectTimeoutMs,
        phase: "connect",
        outcomeUnknown: false,
        cause: error,
      },
    );
  }
  const code = marked.code;
  const what = marked[PROXY_FAILURE] ? marked.message : `${code ?? error.message}`;
  const outcome = sent ? "; the request was sent, so it may have taken effect" : "";
  const advice = marked[PROXY_FAILURE]
    ? "Check HTTPS_PROXY/HTTP_PROXY and NO_PROXY, or the proxy option."
    : "Check the endpoint, the network and any proxy settings.";
  return new DmsNetworkError(
    `${context.action}: cannot reach ${where(connection)}: ${what} (${attemptText(context)})${outcome}. ${advice}`,
    {
      action: context.action,
      attempts: context.attempt,
      systemCode: code,
      outcomeUnknown: sent,
      cause: error,
    },
  );
}
