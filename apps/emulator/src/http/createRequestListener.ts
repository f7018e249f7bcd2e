import type { IncomingMessage, ServerResponse } from "node:http";
import { ADMIN_PREFIX, handleAdmin } from "../admin/handleAdmin.js";
import type { EmulatorContext } from "../emulatorContext.js";
import { type GatewayFailure, gatewayError } from "../gateway/gatewayError.js";
import { handleRpc } from "./handleRpc.js";
import { newRequestId } from "./newRequestId.js";
import { recordRequest } from "./recordRequest.js";
import { newRequestContext, type RequestContext } from "./requestContext.js";
import { gatewayErrorBody } from "./responseBodies.js";
import { sendJson } from "./sendJson.js";

/**
 * The server's request listener: admin paths go to the admin endpoints, everything else is RPC.
 * It records every request once it is over (recordRequest) and turns any unexpected exception into
 * InternalError 500 (a bug, logged with its message), so no request can take the process down; a
 * client that closed its connection before the answer is counted apart (clientClosed), since no
 * answer was sent at all.
 */
export function createRequestListener(ctx: EmulatorContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const rc = newRequestContext(newRequestId(), req.method ?? "", req.url ?? "/", performance.now());
    ctx.connections.requestStarted(req.socket);
    res.once("close", () => ctx.connections.requestEnded(req.socket));
    const refusal = ctx.connections.refusal(req.socket);
    if (refusal !== undefined) {
      res.shouldKeepAlive = false;
      fail(rc, res, gatewayError("ServiceUnavailable", { detail: refusal }));
      recordRequest(ctx, rc, { status: 503, outcome: "connectionLimit", isAdmin: false });
      return;
    }
    const isAdmin = rc.pathname.startsWith(ADMIN_PREFIX);
    const work = isAdmin ? handleAdmin(ctx, req, res, rc.requestId, rc.pathname, rc.search) : handleRpc(ctx, rc, req, res);
    // The client went away before it was answered: nothing was sent, and it is not the emulator's
    // fault (a request cut on purpose by a fault returns status 0 and is not counted here).
    const clientClosed = () => res.destroyed && !res.headersSent;
    const finish = (status: number | undefined, error?: string): void => {
      if (status !== 0 && clientClosed()) {
        recordRequest(ctx, rc, { status: 0, outcome: "clientClosed", isAdmin });
        return;
      }
      // An exception is a bug: InternalError 500, logged with its message.
      const answered = status ?? fail(rc, res, gatewayError("InternalError"));
      recordRequest(ctx, rc, { status: answered, error, isAdmin });
    };
    work.then(
      (status) => finish(status),
      (error: unknown) => finish(undefined, error instanceof Error ? error.message : String(error)),
    );
  };
}

function fail(rc: RequestContext, res: ServerResponse, failure: GatewayFailure): number {
  rc.code = failure.code;
  sendJson(res, failure.status, gatewayErrorBody(rc.requestId, failure), rc.requestId);
  return failure.status;
}
