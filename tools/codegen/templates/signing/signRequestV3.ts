import { createHash } from "node:crypto";
import { canonicalQuery } from "./canonicalQuery.js";
import { copyHeaders, isBaseTemplate } from "./copyHeaders.js";
import { hmacKey } from "./hmacKey.js";
import { nonceNow, timestampNow } from "./requestClock.js";
import type { SignableRequest, SigningCredentials } from "./signingTypes.js";
import {
  canonicalV3,
  EMPTY_BODY_SHA256,
  type SignedHeaderNames,
  signatureV3,
  signedHeaderNamesV3,
  V3_ALGORITHM,
} from "./signV3.js";

const names = (...list: string[]): SignedHeaderNames => ({ names: list, list: list.join(";") });
// The signed headers of the usual request (the five-header template, no body), already sorted:
// the common case skips listing, filtering and sorting the headers on every attempt.
const BASE_SIGNED = names("host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version");
const STS_SIGNED = names(
  "host",
  "x-acs-accesskey-id",
  "x-acs-action",
  "x-acs-content-sha256",
  "x-acs-date",
  "x-acs-security-token",
  "x-acs-signature-nonce",
  "x-acs-version",
);

/**
 * Signs a request the way @alicloud/openapi-core sends it: parameters in the query, x-acs-* headers
 * with a fresh date and nonce, and an ACS3-HMAC-SHA256 Authorization header. The body is empty,
 * unless `bodyParams` holds the operation's body parameters: then they travel as a form body (POST),
 * whose content type and SHA-256 are signed. Returns a new request; the template is left as it was,
 * so each attempt signs afresh.
 */
export function signRequestV3(
  template: SignableRequest,
  params: Readonly<Record<string, string>>,
  credentials: SigningCredentials,
  bodyParams?: Readonly<Record<string, string>>,
): SignableRequest {
  const token = credentials.securityToken;
  const query = canonicalQuery(params);
  const body = bodyParams === undefined ? "" : canonicalQuery(bodyParams);
  const bodyHash = body === "" ? EMPTY_BODY_SHA256 : createHash("sha256").update(body, "utf8").digest("hex");
  const method = body === "" ? template.method : "POST";
  const base = isBaseTemplate(template.headers);
  const headers = copyHeaders(template.headers, base);
  if (body !== "") headers["content-type"] = "application/x-www-form-urlencoded";
  headers["x-acs-date"] = timestampNow();
  headers["x-acs-signature-nonce"] = nonceNow();
  headers["x-acs-content-sha256"] = bodyHash;
  if (token) {
    headers["x-acs-accesskey-id"] = credentials.accessKeyId;
    headers["x-acs-security-token"] = token;
  }
  const signed = base && body === "" ? (token ? STS_SIGNED : BASE_SIGNED) : signedHeaderNamesV3(headers);
  const canonical = canonicalV3(method, "/", query, headers, signed, bodyHash);
  const signature = signatureV3(hmacKey(credentials, "v3"), canonical);
  headers.authorization = `${V3_ALGORITHM} Credential=${credentials.accessKeyId},SignedHeaders=${signed.list},Signature=${signature}`;
  return { method, path: query === "" ? "/" : `/?${query}`, headers, body };
}
