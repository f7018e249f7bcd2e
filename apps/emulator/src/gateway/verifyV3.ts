import { createHash, createSecretKey, type KeyObject } from "node:crypto";
import { canonicalRequestV3, EMPTY_BODY_SHA256, parseAuthorizationV3, signatureV3, V3_ALGORITHM } from "@dmsflow/client/signing";
import { shorten } from "../http/parseUrlEncoded.js";
import type { RpcRequest } from "../http/rpcRequest.js";
import type { AccessKey } from "../store/catalog.js";
import type { Authentication, GatewayContext, Refused } from "./authentication.js";
import { checkSecurityToken, checkSigningTime, claimNonce, findAccessKey } from "./checkCredentials.js";
import { type GatewayFailure, gatewayError, isGatewayFailure } from "./gatewayError.js";
import { resolveAction } from "./resolveAction.js";
import { safeEqual } from "./safeEqual.js";

/** The headers a V3 signature must cover, or a replayed or altered request would still verify. */
export const REQUIRED_SIGNED_HEADERS_V3 = [
  "x-acs-action",
  "x-acs-content-sha256",
  "x-acs-date",
  "x-acs-signature-nonce",
  "x-acs-version",
] as const;

const NAMES = { action: "x-acs-action", version: "x-acs-version" } as const;

/**
 * Each access key's secret as a ready HMAC key: importing the secret on every request is a measurable
 * part of a signed call's cost. Keyed by the catalog's object, so a key changed by a seed (a new
 * catalog) gets a new entry and the old one is collected with it.
 */
const hmacKeys = new WeakMap<AccessKey, KeyObject>();

function hmacKeyOf(key: AccessKey): KeyObject {
  let ready = hmacKeys.get(key);
  if (!ready) {
    ready = createSecretKey(Buffer.from(key.secret, "utf8"));
    hmacKeys.set(key, ready);
  }
  return ready;
}

/**
 * A header's value, or undefined when the request lacks it. Node's header object has
 * Object.prototype, and names come from the untrusted SignedHeaders: only own properties count, or
 * `constructor` would be "present" (a function).
 */
function header(request: RpcRequest, name: string): string | undefined {
  if (!Object.hasOwn(request.headers, name)) return undefined;
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * Verifies an ACS3-HMAC-SHA256 request: the operation, the Authorization header, that the required
 * headers are signed, the body hash, the signature (recomputed from the decoded query, never the raw
 * string), the STS token, the signing time and the nonce.
 */
export function verifyV3(request: RpcRequest, authorization: string, ctx: GatewayContext): Authentication {
  const actionName = header(request, "x-acs-action");
  const refuse = (failure: GatewayFailure, accessKeyId?: string): Refused => ({
    ok: false,
    failure,
    signature: "v3",
    ...(actionName === undefined ? {} : { action: shorten(actionName) }),
    ...(accessKeyId === undefined ? {} : { accessKeyId: shorten(accessKeyId) }),
  });
  const action = resolveAction(actionName, header(request, "x-acs-version"), NAMES);
  if (isGatewayFailure(action)) return refuse(action);

  const parsed = parseAuthorizationV3(authorization);
  if (!parsed) {
    const detail = authorization.startsWith(`${V3_ALGORITHM} `)
      ? `The Authorization header must be "${V3_ALGORITHM} Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex>".`
      : `The Authorization header must use ${V3_ALGORITHM}.`;
    return refuse(gatewayError("IncompleteSignature", { detail }));
  }
  const signed = parsed.signedHeaders;
  for (const required of REQUIRED_SIGNED_HEADERS_V3) {
    if (!signed.includes(required))
      return refuse(
        gatewayError("IncompleteSignature", { detail: `SignedHeaders must include ${required}.` }),
        parsed.accessKeyId,
      );
  }
  for (const name of signed) {
    if (header(request, name) === undefined) {
      return refuse(
        gatewayError("IncompleteSignature", { detail: `The signed header ${shorten(name)} is not in the request.` }),
        parsed.accessKeyId,
      );
    }
  }
  const token = header(request, "x-acs-security-token");
  if (token !== undefined && !signed.includes("x-acs-security-token")) {
    return refuse(
      gatewayError("IncompleteSignature", { detail: "SignedHeaders must include x-acs-security-token." }),
      parsed.accessKeyId,
    );
  }
  const nonce = header(request, "x-acs-signature-nonce");
  if (!nonce) return refuse(gatewayError("MissingParameter", { parameter: "x-acs-signature-nonce" }), parsed.accessKeyId);

  const key = findAccessKey(ctx.catalog, parsed.accessKeyId);
  if (isGatewayFailure(key)) return refuse(key, parsed.accessKeyId);

  const hashedPayload = header(request, "x-acs-content-sha256") ?? "";
  const bodyHash = request.body.length === 0 ? EMPTY_BODY_SHA256 : createHash("sha256").update(request.body).digest("hex");
  // Null prototype: a signed name such as __proto__ must be stored, not set the record's prototype.
  const headers: Record<string, string> = Object.create(null);
  for (const name of signed) headers[name] = header(request, name) ?? "";
  const canonical = canonicalRequestV3(
    { method: request.method, pathname: request.pathname, query: request.query, headers, hashedPayload },
    signed,
  );
  const stringToSign = () => `${V3_ALGORITHM}\n${createHash("sha256").update(canonical, "utf8").digest("hex")}`;
  if (hashedPayload !== bodyHash) {
    return refuse(
      gatewayError("SignatureDoesNotMatch", {
        stringToSign: stringToSign(),
        detail: "(x-acs-content-sha256 is not the SHA-256 of the body.)",
      }),
      key.id,
    );
  }
  if (!safeEqual(signatureV3(hmacKeyOf(key), canonical), parsed.signature)) {
    return refuse(gatewayError("SignatureDoesNotMatch", { stringToSign: stringToSign() }), key.id);
  }

  const tokenFailure = checkSecurityToken(key, token, ctx.nowMs);
  if (tokenFailure) return refuse(tokenFailure, key.id);
  const signedAt = checkSigningTime(header(request, "x-acs-date") ?? "", "x-acs-date", ctx.nowMs);
  if (isGatewayFailure(signedAt)) return refuse(signedAt, key.id);
  const replayed = claimNonce(ctx.replay, key, nonce, signedAt, ctx.nowMs);
  if (replayed) return refuse(replayed, key.id);
  return { ok: true, accessKey: key, action, signature: "v3" };
}
