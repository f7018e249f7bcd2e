import type { Duplex } from "node:stream";
import { gatewayError } from "../gateway/gatewayError.js";
import type { RequestLogger } from "../log/requestLog.js";
import { newRequestId } from "./newRequestId.js";
import { gatewayErrorBody } from "./responseBodies.js";

const REASONS: Record<number, string> = { 400: "Bad Request", 431: "Request Header Fields Too Large" };

/**
 * Answers a request Node's HTTP parser refused (malformed request line, bad header, headers too
 * large) with a gateway error body instead of a bare status line, then closes the connection.
 */
export function handleClientError(error: Error & { code?: string }, socket: Duplex, logger: RequestLogger | undefined): void {
  // A connection that sent no whole request in time (often none at all: an idle flood) is closed
  // without a word or a log line; there is no request to answer.
  if (error.code === "ECONNRESET" || error.code === "ERR_HTTP_REQUEST_TIMEOUT" || !socket.writable) {
    socket.destroy();
    return;
  }
  const failure = gatewayError(error.code === "HPE_HEADER_OVERFLOW" ? "RequestHeaderFieldsTooLarge" : "BadRequest");
  const requestId = newRequestId();
  const body = gatewayErrorBody(requestId, failure);
  socket.end(
    `HTTP/1.1 ${failure.status} ${REASONS[failure.status] ?? "Bad Request"}\r\n` +
      "content-type: application/json;charset=utf-8\r\n" +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      `x-acs-request-id: ${requestId}\r\n` +
      "connection: close\r\n\r\n" +
      body,
  );
  logger?.request({
    requestId,
    method: "",
    path: "",
    status: failure.status,
    code: failure.code,
    latencyMs: 0,
    error: error.code,
  });
}
