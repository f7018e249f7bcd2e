import { createHash, createHmac } from "node:crypto";
import { byCodeUnit, canonicalQuery } from "./canonicalQuery.js";

/** The V3 algorithm name, first in the Authorization header. */
export const V3_ALGORITHM = "ACS3-HMAC-SHA256";

/** The SHA-256 of an empty body, which every RPC call with parameters in the query sends. */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** A request as V3 signs it. Header names must be lower case. */
export interface V3Request {
  readonly method: string;
  readonly pathname: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** Lower-case hex SHA-256 of the body (x-acs-content-sha256). */
  readonly hashedPayload: string;
}

/** Whether V3 signs a header: host, content-type and every x-acs-* header. */
export function isSignedHeaderV3(name: string): boolean {
  return name === "host" || name === "content-type" || name.startsWith("x-acs-");
}

/**
 * The V3 canonical request over the given signed header names (sorted, lower case). A name the
 * request lacks counts as empty; only own headers are read, so a name like `constructor` (which a
 * server verifying an untrusted Authorization header may be handed) is never a prototype member.
 */
export function canonicalRequestV3(request: V3Request, signedHeaders: readonly string[]): string {
  let headerLines = "";
  for (const name of signedHeaders) {
    const value = Object.hasOwn(request.headers, name) ? request.headers[name] : undefined;
    headerLines += `${name}:${(value ?? "").trim()}\n`;
  }
  const pathname = request.pathname === "" ? "" : request.pathname;
  return [
    request.method,
    pathname,
    canonicalQuery(request.query),
    headerLines,
    signedHeaders.join(";"),
    request.hashedPayload,
  ].join("\n");
}

/** The hex HMAC-SHA256 signature of a canonical request. */
export function signatureV3(secret: string, canonicalRequest: string): string {
  const hashed = createHash("sha256").update(canonicalRequest, "utf8").digest("hex");
  return createHmac("sha256", secret).update(`${V3_ALGORITHM}\n${hashed}`, "utf8").digest("hex");
}

/** Signs a request: returns the Authorization header value, signing every header V3 signs. */
export function authorizationV3(request: V3Request, accessKeyId: string, secret: string): string {
  const signed = Object.keys(request.headers).filter(isSignedHeaderV3).sort(byCodeUnit);
  const signature = signatureV3(secret, canonicalRequestV3(request, signed));
  return `${V3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signed.join(";")},Signature=${signature}`;
}

/** The parts of a V3 Authorization header, or undefined when it is not one. */
export function parseAuthorizationV3(
  header: string,
): { accessKeyId: string; signedHeaders: string[]; signature: string } | undefined {
  if (!header.startsWith(`${V3_ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(V3_ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!accessKeyId || !signedHeaders || !signature) return undefined;
  return { accessKeyId, signedHeaders: signedHeaders.split(";"), signature };
}
