import { signatureV1, stringToSignV1 } from "@dmsflow/client/signing";
import { shorten } from "../http/parseUrlEncoded.js";
import type { RpcRequest } from "../http/rpcRequest.js";
import type { Authentication, GatewayContext, Refused } from "./authentication.js";
import { checkSecurityToken, checkSigningTime, claimNonce, findAccessKey } from "./checkCredentials.js";
import { type GatewayFailure, gatewayError, isGatewayFailure } from "./gatewayError.js";
import { resolveAction } from "./resolveAction.js";
import { safeEqual } from "./safeEqual.js";

/** The common parameters every V1 request must carry besides Action and Version. */
export const REQUIRED_PARAMETERS_V1 = [
  "AccessKeyId",
  "Signature",
  "SignatureMethod",
  "SignatureVersion",
  "SignatureNonce",
  "Timestamp",
] as const;

const NAMES = { action: "Action", version: "Version" } as const;

/**
 * Verifies an HMAC-SHA1 (V1) request, GET with everything in the query or POST with a form body:
 * the signed set is every parameter of both but Signature, as pop-core and the aliyun CLI sign it.
 */
export function verifyV1(request: RpcRequest, ctx: GatewayContext): Authentication {
  const p = request.params;
  const refuse = (failure: GatewayFailure, accessKeyId?: string): Refused => ({
    ok: false,
    failure,
    signature: "v1",
    ...(p.Action === undefined ? {} : { action: shorten(p.Action) }),
    ...(accessKeyId === undefined ? {} : { accessKeyId: shorten(accessKeyId) }),
  });
  const action = resolveAction(p.Action, p.Version, NAMES);
  if (isGatewayFailure(action)) return refuse(action, p.AccessKeyId);
  for (const name of REQUIRED_PARAMETERS_V1) {
    if (!p[name]) return refuse(gatewayError("MissingParameter", { parameter: name }), p.AccessKeyId);
  }
  const accessKeyId = p.AccessKeyId!;
  if (p.SignatureMethod !== "HMAC-SHA1") {
    return refuse(gatewayError("IncompleteSignature", { detail: "SignatureMethod must be HMAC-SHA1." }), accessKeyId);
  }
  if (p.SignatureVersion !== "1.0") {
    return refuse(gatewayError("IncompleteSignature", { detail: "SignatureVersion must be 1.0." }), accessKeyId);
  }
  const key = findAccessKey(ctx.catalog, accessKeyId);
  if (isGatewayFailure(key)) return refuse(key, accessKeyId);
  if (!safeEqual(signatureV1(key.secret, request.method, p), p.Signature!)) {
    // The echoed string to sign helps a client find its mistake; an STS token in it would be a leak.
    const shown = p.SecurityToken === undefined ? p : { ...p, SecurityToken: "<redacted>" };
    return refuse(gatewayError("SignatureDoesNotMatch", { stringToSign: stringToSignV1(request.method, shown) }), key.id);
  }
  const tokenFailure = checkSecurityToken(key, p.SecurityToken, ctx.nowMs);
  if (tokenFailure) return refuse(tokenFailure, key.id);
  const signedAt = checkSigningTime(p.Timestamp!, "Timestamp", ctx.nowMs);
  if (isGatewayFailure(signedAt)) return refuse(signedAt, key.id);
  const replayed = claimNonce(ctx.replay, key, p.SignatureNonce!, signedAt, ctx.nowMs);
  if (replayed) return refuse(replayed, key.id);
  return { ok: true, accessKey: key, action, signature: "v1" };
}
