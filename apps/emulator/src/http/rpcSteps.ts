import type { IncomingMessage } from "node:http";
import { type ActionName, type DecodedValue, decodeParameters, operationTable } from "@dmsflow/client";
import type { ActionResult } from "../actions/actionHandler.js";
import type { EmulatorContext } from "../emulatorContext.js";
import type { FaultDecision } from "../faults/faultInjector.js";
import { authenticate } from "../gateway/authenticate.js";
import { type GatewayFailure, gatewayError, isGatewayFailure } from "../gateway/gatewayError.js";
import type { AccessKey, Tenant } from "../store/catalog.js";
import { parseRpcRequest } from "./parseRpcRequest.js";
import { readBody } from "./readBody.js";
import type { RequestContext } from "./requestContext.js";
import type { RpcRequest } from "./rpcRequest.js";

/** The largest RPC body accepted; parameters are a few hundred bytes. */
export const MAX_RPC_BODY_BYTES = 1024 * 1024;

/** Marks a Stop, so no step result (decoded parameters included) can be taken for one. */
const STOP: unique symbol = Symbol("stop");

/**
 * How a step ends the chain early: answer a gateway error (and maybe close the connection), cut the
 * connection (a fault), or answer nothing at all (a lost response).
 */
export type Stop = { readonly [STOP]: true } & (
  | { readonly stop: "refuse"; readonly failure: GatewayFailure; readonly closeConnection?: boolean }
  | { readonly stop: "cut" }
  | { readonly stop: "silent" }
);

/** Whether a step's result ends the chain. */
export function isStop(value: unknown): value is Stop {
  return typeof value === "object" && value !== null && STOP in value;
}

const refuse = (failure: GatewayFailure, closeConnection = false): Stop => ({
  [STOP]: true,
  stop: "refuse",
  failure,
  closeConnection,
});
const cut: Stop = { [STOP]: true, stop: "cut" };
const silent: Stop = { [STOP]: true, stop: "silent" };

/** The caller a request was signed by and the operation it calls. */
export interface Caller {
  readonly accessKey: AccessKey;
  readonly action: ActionName;
}

/** RPC requests go to `/` with GET or POST. */
export function checkRoute(rc: RequestContext): Stop | undefined {
  if (rc.pathname !== "/") return refuse(gatewayError("InvalidApi.NotFound", { detail: "RPC requests go to the path /." }));
  if (rc.method !== "GET" && rc.method !== "POST") {
    return refuse(gatewayError("InvalidApi.NotFound", { detail: "RPC requests use GET or POST." }));
  }
  return undefined;
}

/** Reads the body (bounded) and the parameters from the query and a form body. */
export async function readRequest(rc: RequestContext, req: IncomingMessage): Promise<RpcRequest | Stop> {
  const body = await readBody(req, MAX_RPC_BODY_BYTES);
  if (body === undefined) {
    // The rest of an oversized body is not read, so the connection cannot carry another request.
    const failure = gatewayError("RequestEntityTooLarge", { detail: `The limit is ${MAX_RPC_BODY_BYTES} bytes.` });
    return refuse(failure, true);
  }
  const request = parseRpcRequest(req, rc.pathname, rc.search, body);
  return isGatewayFailure(request) ? refuse(request) : request;
}

/** Checks the signature (V3 or V1), the key, its token and the nonce; records who called what. */
export function authenticateCaller(ctx: EmulatorContext, rc: RequestContext, request: RpcRequest, nowMs: number): Caller | Stop {
  const auth = authenticate(request, { catalog: ctx.store.catalog, replay: ctx.replay, nowMs });
  rc.signature = auth.signature;
  rc.action = auth.action;
  rc.accessKeyId = auth.ok ? auth.accessKey.id : auth.accessKeyId;
  return auth.ok ? { accessKey: auth.accessKey, action: auth.action } : refuse(auth.failure);
}

/** The key's token bucket: Throttling.User with the wait when it is empty. */
export function throttle(ctx: EmulatorContext, caller: Caller, nowMs: number): Stop | undefined {
  const waitMs = ctx.limiter.take(caller.accessKey.id, caller.accessKey.rateLimit, nowMs);
  return waitMs > 0 ? refuse(gatewayError("Throttling.User", { headers: { "x-acs-retry-after": String(waitMs) } })) : undefined;
}

/** Decodes the parameters by the operation's descriptor (types, ranges, enums from the spec). */
export function decode(rc: RequestContext, caller: Caller, request: RpcRequest): Readonly<Record<string, DecodedValue>> | Stop {
  const decoded = decodeParameters(operationTable[caller.action].operation, request.params);
  if (!decoded.ok) {
    return refuse(
      decoded.code === "MissingParameter"
        ? gatewayError("MissingParameter", { parameter: decoded.parameter })
        : gatewayError("InvalidParameter", { parameter: decoded.parameter, detail: `It ${decoded.reason}.` }),
    );
  }
  rc.values = decoded.values;
  return decoded.values;
}

/** The tenant a request acts in: its Tid when the key may use it, else the key's active tenant. */
export function resolveTenant(ctx: EmulatorContext, caller: Caller, tid: DecodedValue | undefined): Tenant | undefined | Stop {
  const key = caller.accessKey;
  if (tid === undefined) return key.activeTenant === null ? undefined : ctx.store.catalog.tenants.get(key.activeTenant);
  if (typeof tid !== "string" || !key.tenants.includes(tid)) {
    return refuse(gatewayError("Forbidden.RAM", { detail: `The access key ${key.id} may not use tenant ${String(tid)}.` }));
  }
  return ctx.store.catalog.tenants.get(tid);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Fault injection before the action: latency, then an error answer or a cut connection. */
export async function injectFault(ctx: EmulatorContext, rc: RequestContext, caller: Caller): Promise<FaultDecision | Stop> {
  const fault = ctx.faults.decide(caller.action);
  rc.fault = fault.outcome;
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  switch (fault.outcome) {
    case "error500":
      return refuse(gatewayError("InternalError"));
    case "error503":
      return refuse(gatewayError("ServiceUnavailable"));
    case "throttle":
      return refuse(gatewayError("Throttling.User", { headers: { "x-acs-retry-after": "1000" } }));
    case "drop":
      return cut;
    default:
      return fault;
  }
}

/** Runs the action (a writing one inside the open group commit) and waits until its batch is on disk. */
export async function perform(
  ctx: EmulatorContext,
  caller: Caller,
  values: Readonly<Record<string, DecodedValue>>,
  tenant: Tenant | undefined,
): Promise<ActionResult> {
  const handler = ctx.handlers[caller.action];
  const request = { values, accessKey: caller.accessKey, tenant, nowMs: ctx.clock() };
  const result = handler.writes ? ctx.store.commits.write(() => handler.run(request)) : handler.run(request);
  // Nothing is answered before the batch it joined (or any batch it read from) is on disk.
  await ctx.store.commits.settled();
  return result;
}

/** Fault injection after the change is committed: a reset connection, or a response never sent. */
export function injectLateFault(fault: FaultDecision): Stop | undefined {
  if (fault.outcome === "resetAfterApply") return cut;
  // A lost response: the change is committed, the client hears nothing until it gives up.
  if (fault.outcome === "loseResponse") return silent;
  return undefined;
}
