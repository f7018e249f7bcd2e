import { createHash, createHmac } from "node:crypto";
import type { DmsCredentials } from "../credentials/DmsCredentials.js";
import type { DmsHttpRequest } from "../http/DmsHttpMessage.js";
import { byCodeUnit, canonicalQuery } from "./canonicalQuery.js";
import { copyHeaders, isBaseTemplate } from "./copyHeaders.js";
import { hmacKey } from "./hmacKey.js";
import { nonceNow, timestampNow } from "./requestClock.js";
import { EMPTY_BODY_SHA256, isSignedHeaderV3, V3_ALGORITHM } from "./signV3.js";

// The headers the build step always sets and signing always adds, already in canonical order.
const BASE_SIGNED = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
const STS_SIGNED =
  "host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version";

/**
 * Signs a request the way @alicloud/openapi-core sends it: parameters in the query, x-acs-* headers
 * with a fresh date and nonce, and an ACS3-HMAC-SHA256 Authorization header. The body is empty,
 * unless `bodyParams` holds the operation's body parameters: then they travel as a form body (POST),
 * whose content type and SHA-256 are signed. Returns a new request; the template is left as it was,
 * so each attempt signs afresh.
 */
export function signRequestV3(
  template: DmsHttpRequest,
  params: Readonly<Record<string, string>>,
  credentials: DmsCredentials,
  bodyParams?: Readonly<Record<string, string>>,
): DmsHttpRequest {
  const th = template.headers;
  const date = timestampNow();
  const nonce = nonceNow();
  const token = credentials.securityToken;
  const query = canonicalQuery(params);
  const body = bodyParams === undefined ? "" : canonicalQuery(bodyParams);
  const bodyHash = body === "" ? EMPTY_BODY_SHA256 : createHash("sha256").update(body, "utf8").digest("hex");
  const method = body === "" ? template.method : "POST";
  const base = body === "" && isBaseTemplate(th);
  const headers = copyHeaders(th, base);
  if (body !== "") headers["content-type"] = "application/x-www-form-urlencoded";
  headers["x-acs-date"] = date;
  headers["x-acs-signature-nonce"] = nonce;
  headers["x-acs-content-sha256"] = bodyHash;
  let canonical: string;
  let signedNames: string;
  if (base) {
    // The usual shape: build the canonical request in one go instead of filtering and sorting.
    const common = `x-acs-action:${th["x-acs-action"]!.trim()}\nx-acs-content-sha256:${EMPTY_BODY_SHA256}\nx-acs-date:${date}\n`;
    const tail = `x-acs-signature-nonce:${nonce}\nx-acs-version:${th["x-acs-version"]!.trim()}\n`;
    if (token) {
      headers["x-acs-accesskey-id"] = credentials.accessKeyId;
      headers["x-acs-security-token"] = token;
      canonical = `${template.method}\n/\n${query}\nhost:${th.host!.trim()}\nx-acs-accesskey-id:${credentials.accessKeyId.trim()}\n${common}x-acs-security-token:${token.trim()}\n${tail}\n${STS_SIGNED}\n${EMPTY_BODY_SHA256}`;
      signedNames = STS_SIGNED;
    } else {
      canonical = `${template.method}\n/\n${query}\nhost:${th.host!.trim()}\n${common}${tail}\n${BASE_SIGNED}\n${EMPTY_BODY_SHA256}`;
      signedNames = BASE_SIGNED;
    }
  } else {
    if (token) {
      headers["x-acs-accesskey-id"] = credentials.accessKeyId;
      headers["x-acs-security-token"] = token;
    }
    const signed = Object.keys(headers).filter(isSignedHeaderV3).sort(byCodeUnit);
    canonical = `${method}\n/\n${query}\n`;
    for (const name of signed) canonical += `${name}:${headers[name]!.trim()}\n`;
    signedNames = signed.join(";");
    canonical += `\n${signedNames}\n${bodyHash}`;
  }
  const hashed = createHash("sha256").update(canonical, "utf8").digest("hex");
  const signature = createHmac("sha256", hmacKey(credentials, "v3")).update(`${V3_ALGORITHM}\n${hashed}`, "utf8").digest("hex");
  headers.authorization = `${V3_ALGORITHM} Credential=${credentials.accessKeyId},SignedHeaders=${signedNames},Signature=${signature}`;
  return { method, path: query === "" ? "/" : `/?${query}`, headers, body };
}
