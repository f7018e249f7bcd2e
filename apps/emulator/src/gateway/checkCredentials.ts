import type { AccessKey, Catalog } from "../store/catalog.js";
import { type GatewayFailure, gatewayError } from "./gatewayError.js";
import { parseTimestamp } from "./parseTimestamp.js";
import type { ReplayGuard } from "./replayGuard.js";
import { SIGNING_WINDOW_MS } from "./replayGuard.js";
import { safeEqual } from "./safeEqual.js";

/** Finds an enabled access key, or the failure for an unknown or disabled one. */
export function findAccessKey(catalog: Catalog, id: string): AccessKey | GatewayFailure {
  const key = catalog.accessKeys.get(id);
  if (!key) return gatewayError("InvalidAccessKeyId.NotFound");
  if (key.disabled) return gatewayError("Forbidden.AccessKeyDisabled");
  return key;
}

/** Checks the STS token a request carries against the key (none for a long-term key). */
export function checkSecurityToken(key: AccessKey, presented: string | undefined, nowMs: number): GatewayFailure | undefined {
  if (key.securityToken === null) {
    if (presented === undefined) return undefined;
    return gatewayError("InvalidSecurityToken.MismatchWithAccessKey", {
      detail: "This access key is a long-term key; send no security token with it.",
    });
  }
  if (presented === undefined || presented === "") return gatewayError("MissingParameter", { parameter: "SecurityToken" });
  if (!safeEqual(key.securityToken, presented)) return gatewayError("InvalidSecurityToken.MismatchWithAccessKey");
  if (key.expiresAtMs !== null && nowMs >= key.expiresAtMs) return gatewayError("InvalidSecurityToken.Expired");
  return undefined;
}

/** Checks that the signing time is well formed and within 15 minutes of the server's clock; returns it. */
export function checkSigningTime(text: string, parameter: string, nowMs: number): number | GatewayFailure {
  const signedAt = parseTimestamp(text);
  if (signedAt === undefined) {
    return gatewayError("InvalidTimeStamp.Format", { detail: `${parameter} must look like 2024-01-01T00:00:00Z (UTC).` });
  }
  if (Math.abs(nowMs - signedAt) > SIGNING_WINDOW_MS) {
    const minutes = Math.round((signedAt - nowMs) / 60_000);
    return gatewayError("InvalidTimeStamp.Expired", {
      detail: `${parameter} is ${Math.abs(minutes)} minutes ${minutes < 0 ? "behind" : "ahead of"} the server time ${new Date(nowMs).toISOString()}; it must be within 15 minutes.`,
    });
  }
  return signedAt;
}

/** Records the nonce, or the failure when the key used it already inside the window. */
export function claimNonce(
  replay: ReplayGuard,
  key: AccessKey,
  nonce: string,
  signedAtMs: number,
  nowMs: number,
): GatewayFailure | undefined {
  return replay.claim(key.id, nonce, signedAtMs, nowMs) ? undefined : gatewayError("SignatureNonceUsed");
}
