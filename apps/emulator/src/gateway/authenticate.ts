import type { RpcRequest } from "../http/rpcRequest.js";
import type { Authentication, GatewayContext } from "./authentication.js";
import { verifyV1 } from "./verifyV1.js";
import { verifyV3 } from "./verifyV3.js";

/**
 * Routes a request to its signature check: an Authorization header means V3 (the official SDK);
 * otherwise the V1 parameters are expected in the query or the form body (pop-core, aliyun CLI).
 */
export function authenticate(request: RpcRequest, ctx: GatewayContext): Authentication {
  const authorization = request.headers.authorization;
  return authorization === undefined ? verifyV1(request, ctx) : verifyV3(request, authorization, ctx);
}
