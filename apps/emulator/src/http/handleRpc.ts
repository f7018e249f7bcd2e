import type { IncomingMessage, ServerResponse } from "node:http";
import { type ActionName, decodeParameters, operationTable } from "@dmsflow/client";
import type { ActionRequest, ActionResult } from "../actions/actionHandler.js";
import type { EmulatorContext } from "../emulatorContext.js";
import { authenticate } from "../gateway/authenticate.js";
import type { SignatureKind } from "../gateway/authentication.js";
import { type GatewayFailure, gatewayError, isGatewayFailure } from "../gateway/gatewayError.js";
import type { AccessKey, Tenant } from "../store/catalog.js";
import { parseRpcRequest } from "./parseRpcRequest.js";
import { readBody } from "./readBody.js";
import { businessFailureBody, gatewayErrorBody, successBody } from "./responseBodies.js";
import { sendJson } from "./sendJson.js";

/** The largest RPC body accepted; parameters are a few hundred bytes. */
export const MAX_RPC_BODY_BYTES = 1024 * 1024;

/** What the log learns about a request as it goes through the pipeline. */
export interface RequestTrace {
  action?: string | undefined;
  accessKeyId?: string | undefined;
  signature?: SignatureKind | undefined;
  code?: string | undefined;
  fault?: string | undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Serves one RPC request the way the real gateway and service do: body, parameters, signature,
 * rate limit, parameter types, tenant access, injected faults, then the action, answered only once
 * its change is committed. Returns the HTTP status it answered with (0 when the connection was cut).
 */
export async function handleRpc(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  pathname: string,
  search: string,
  trace: RequestTrace,
): Promise<number> {
  const refuse = (failure: GatewayFailure): number => {
    trace.code = failure.code;
    sendJson(res, failure.status, gatewayErrorBody(requestId, failure), requestId, failure.headers);
    return failure.status;
  };
  if (pathname !== "/") return refuse(gatewayError("InvalidApi.NotFound", { detail: "RPC requests go to the path /." }));
  if (req.method !== "GET" && req.method !== "POST") {
    return refuse(gatewayError("InvalidApi.NotFound", { detail: "RPC requests use GET or POST." }));
  }
  const body = await readBody(req, MAX_RPC_BODY_BYTES);
  if (body === undefined) {
    res.shouldKeepAlive = false;
    return refuse(gatewayError("RequestEntityTooLarge", { detail: `The limit is ${MAX_RPC_BODY_BYTES} bytes.` }));
  }
  const request = parseRpcRequest(req, pathname, search, body);
  if (isGatewayFailure(request)) return refuse(request);

  const nowMs = ctx.clock();
  const auth = authenticate(request, { catalog: ctx.store.catalog, replay: ctx.replay, nowMs });
  trace.signature = auth.signature;
  if (!auth.ok) {
    trace.action = auth.action;
    trace.accessKeyId = auth.accessKeyId;
    return refuse(auth.failure);
  }
  const { accessKey, action } = auth;
  trace.action = action;
  trace.accessKeyId = accessKey.id;

  const waitMs = ctx.limiter.take(accessKey.id, accessKey.rateLimit, nowMs);
  if (waitMs > 0) return refuse(gatewayError("Throttling.User", { headers: { "x-acs-retry-after": String(waitMs) } }));

  const decoded = decodeParameters(operationTable[action].operation, request.params);
  if (!decoded.ok) {
    return refuse(
      decoded.code === "MissingParameter"
        ? gatewayError("MissingParameter", { parameter: decoded.parameter })
        : gatewayError("InvalidParameter", { parameter: decoded.parameter, detail: `It ${decoded.reason}.` }),
    );
  }
  const tenant = resolveTenant(ctx, accessKey, decoded.values.Tid as string | undefined);
  if (isGatewayFailure(tenant)) return refuse(tenant);

  const fault = ctx.faults.decide(action);
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault.outcome !== undefined) {
    trace.fault = fault.outcome;
    switch (fault.outcome) {
      case "error500":
        return refuse(gatewayError("InternalError"));
      case "error503":
        return refuse(gatewayError("ServiceUnavailable"));
      case "throttle":
        return refuse(gatewayError("Throttling.User", { headers: { "x-acs-retry-after": "1000" } }));
      case "drop":
        req.socket.destroy();
        return 0;
      default:
        break;
    }
  }

  const result = runAction(ctx, action, { values: decoded.values, accessKey, tenant, nowMs: ctx.clock() });
  // Nothing is answered before the batch it joined (or any batch it read from) is on disk.
  await ctx.store.commits.settled();
  if (fault.outcome === "resetAfterApply") {
    req.socket.destroy();
    return 0;
  }
  // A lost response: the change is committed, the client hears nothing until it gives up.
  if (fault.outcome === "loseResponse") return 0;
  if (isGatewayFailure(result)) return refuse(result);
  if (result.ok) {
    sendJson(res, 200, successBody(requestId, operationTable[action].operation.output, result.body), requestId);
  } else {
    trace.code = result.code;
    sendJson(res, 200, businessFailureBody(requestId, result.code, result.message), requestId);
  }
  return 200;
}

function runAction(ctx: EmulatorContext, action: ActionName, request: ActionRequest): ActionResult {
  const handler = ctx.handlers[action];
  return handler.writes ? ctx.store.commits.write(() => handler.run(request)) : handler.run(request);
}

/** The tenant a request acts in: its Tid when the key may use it, else the key's active tenant. */
function resolveTenant(ctx: EmulatorContext, key: AccessKey, tid: string | undefined): Tenant | undefined | GatewayFailure {
  if (tid === undefined) return key.activeTenant === null ? undefined : ctx.store.catalog.tenants.get(key.activeTenant);
  if (!key.tenants.includes(tid)) {
    return gatewayError("Forbidden.RAM", { detail: `The access key ${key.id} may not use tenant ${tid}.` });
  }
  return ctx.store.catalog.tenants.get(tid);
}
