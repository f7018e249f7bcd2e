import type { IncomingMessage, ServerResponse } from "node:http";
import { ADMIN_PREFIX, handleAdmin } from "../admin/handleAdmin.js";
import type { EmulatorContext } from "../emulatorContext.js";
import { gatewayError } from "../gateway/gatewayError.js";
import type { RequestLogEntry, RequestOutcome } from "../log/requestLog.js";
import { handleRpc, type RequestTrace } from "./handleRpc.js";
import { newRequestId } from "./newRequestId.js";
import { gatewayErrorBody } from "./responseBodies.js";
import { sendJson } from "./sendJson.js";

/**
 * The server's request listener: admin paths go to the admin endpoints, everything else is RPC.
 * It logs one line per request and turns any unexpected exception into InternalError 500 (a bug,
 * logged with its message), so no request can take the process down; a client that closed its
 * connection before the answer is counted apart (clientClosed), since no answer was sent at all.
 */
export function createRequestListener(ctx: EmulatorContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now();
    const requestId = newRequestId();
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q === -1 ? url : url.slice(0, q);
    const search = q === -1 ? "" : url.slice(q + 1);
    const trace: RequestTrace = {};
    ctx.connections.requestStarted(req.socket);
    res.once("close", () => ctx.connections.requestEnded(req.socket));
    const isAdmin = pathname.startsWith(ADMIN_PREFIX);
    const refusal = ctx.connections.refusal(req.socket);
    if (refusal !== undefined) {
      const failure = gatewayError("ServiceUnavailable", { detail: refusal });
      res.shouldKeepAlive = false;
      sendJson(res, failure.status, gatewayErrorBody(requestId, failure), requestId);
      trace.code = failure.code;
      return finish(failure.status, undefined, "connectionLimit");
    }
    const work = isAdmin
      ? handleAdmin(ctx, req, res, requestId, pathname, search)
      : handleRpc(ctx, req, res, requestId, pathname, search, trace);
    // The client went away before it was answered: nothing was sent, and it is not the emulator's
    // fault (a request cut on purpose by a fault returns status 0 and is not counted here).
    const clientClosed = () => res.destroyed && !res.headersSent;
    work.then(
      (status) => (status !== 0 && clientClosed() ? finish(0, undefined, "clientClosed") : finish(status)),
      (error: unknown) => {
        if (clientClosed()) return finish(0, undefined, "clientClosed");
        const failure = gatewayError("InternalError");
        sendJson(res, failure.status, gatewayErrorBody(requestId, failure), requestId);
        trace.code = failure.code;
        finish(failure.status, error instanceof Error ? error.message : String(error));
      },
    );

    function finish(status: number, error?: string, outcome?: RequestOutcome): void {
      ctx.counters.requests++;
      if (outcome === "clientClosed") ctx.counters.clientClosed++;
      else {
        const key = String(status);
        ctx.counters.byStatus[key] = (ctx.counters.byStatus[key] ?? 0) + 1;
      }
      const entry: RequestLogEntry = {
        requestId,
        method: req.method ?? "",
        path: pathname.length > 100 ? `${pathname.slice(0, 100)}…` : pathname,
        action: trace.action,
        accessKeyId: trace.accessKeyId,
        signature: trace.signature,
        status,
        code: trace.code,
        latencyMs: performance.now() - started,
        fault: trace.fault,
        error,
        outcome,
      };
      if (!isAdmin) ctx.console.requests.record(entry);
      // Admin requests are logged by path only: their bodies (seeds) hold secrets.
      ctx.logger?.request(entry);
    }
  };
}
