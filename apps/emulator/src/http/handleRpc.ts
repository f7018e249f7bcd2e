import type { IncomingMessage, ServerResponse } from "node:http";
import { type ActionName, operationTable } from "@dmsflow/client";
import type { ActionResult } from "../actions/actionHandler.js";
import type { EmulatorContext } from "../emulatorContext.js";
import { type GatewayFailure, isGatewayFailure } from "../gateway/gatewayError.js";
import type { RequestContext } from "./requestContext.js";
import { businessFailureBody, gatewayErrorBody, successBody } from "./responseBodies.js";
import {
  authenticateCaller,
  checkRoute,
  decode,
  injectFault,
  injectLateFault,
  isStop,
  perform,
  readRequest,
  resolveTenant,
  type Stop,
  throttle,
} from "./rpcSteps.js";
import { sendJson } from "./sendJson.js";

/** An action that ran: its result, answered by the action's response schema. */
interface Answered {
  readonly action: ActionName;
  readonly result: ActionResult;
}

/**
 * Serves one RPC request the way the real gateway and service do, as a chain of named steps (each in
 * rpcSteps.ts) over one request context; the first step that stops the request decides the answer.
 * Returns the HTTP status it answered with (0 when the connection was cut or the answer withheld).
 */
export async function handleRpc(
  ctx: EmulatorContext,
  rc: RequestContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<number> {
  return reply(rc, req, res, await runChain(ctx, rc, req));
}

async function runChain(ctx: EmulatorContext, rc: RequestContext, req: IncomingMessage): Promise<Answered | Stop> {
  const wrongRoute = checkRoute(rc);
  if (wrongRoute) return wrongRoute;
  const request = await readRequest(rc, req);
  if (isStop(request)) return request;
  const nowMs = ctx.clock();
  const caller = authenticateCaller(ctx, rc, request, nowMs);
  if (isStop(caller)) return caller;
  const throttled = throttle(ctx, caller, nowMs);
  if (throttled) return throttled;
  const values = decode(rc, caller, request);
  if (isStop(values)) return values;
  const tenant = resolveTenant(ctx, caller, values.Tid);
  if (isStop(tenant)) return tenant;
  const fault = await injectFault(ctx, rc, caller);
  if (isStop(fault)) return fault;
  const result = await perform(ctx, caller, values, tenant);
  return injectLateFault(fault) ?? { action: caller.action, result };
}

/** Answers what the chain decided and records the error code on the context. */
function reply(rc: RequestContext, req: IncomingMessage, res: ServerResponse, outcome: Answered | Stop): number {
  const { requestId } = rc;
  if (isStop(outcome)) {
    if (outcome.stop === "cut") req.socket.destroy();
    if (outcome.stop !== "refuse") return 0;
    if (outcome.closeConnection) res.shouldKeepAlive = false;
    return sendFailure(rc, res, outcome.failure);
  }
  const { action, result } = outcome;
  if (isGatewayFailure(result)) return sendFailure(rc, res, result);
  if (result.ok) {
    sendJson(res, 200, successBody(requestId, operationTable[action].operation.output, result.body), requestId);
  } else {
    rc.code = result.code;
    sendJson(res, 200, businessFailureBody(requestId, result.code, result.message), requestId);
  }
  return 200;
}

function sendFailure(rc: RequestContext, res: ServerResponse, failure: GatewayFailure): number {
  rc.code = failure.code;
  sendJson(res, failure.status, gatewayErrorBody(rc.requestId, failure), rc.requestId, failure.headers);
  return failure.status;
}
