import { createHash, createHmac, type KeyObject } from "node:crypto";
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

/** The headers V3 signs, sorted by name, and the same names joined as the SignedHeaders field. */
export interface SignedHeaderNames {
  readonly names: readonly string[];
  readonly list: string;
}

/** Whether V3 signs a header: host, content-type and every x-acs-* header. */
export function isSignedHeaderV3(name: string): boolean {
  return name === "host" || name === "content-type" || name.startsWith("x-acs-");
}

/** The headers of a request that V3 signs: host, content-type and every x-acs-* header, sorted. */
export function signedHeaderNamesV3(headers: Readonly<Record<string, string>>): SignedHeaderNames {
  const names = Object.keys(headers).filter(isSignedHeaderV3).sort(byCodeUnit);
  return { names, list: names.join(";") };
}

/**
 * The V3 canonical request, the one implementation that both signing and verifying use:
 * `query` is already canonical (see canonicalQuery), `signed` the header names to cover. A name
 * the request lacks counts as empty; only own headers are read, so a name like `constructor`
 * (which a server verifying an untrusted Authorization header may be handed) is never a prototype
 * member.
 */
export function canonicalV3(
  method: string,
  pathname: string,
  query: string,
  headers: Readonly<Record<string, string>>,
  signed: SignedHeaderNames,
  hashedPayload: string,
): string {
  let out = `${method}\n${pathname}\n${query}\n`;
  for (const name of signed.names) {
    const value = Object.hasOwn(headers, name) ? headers[name] : undefined;
    out += `${name}:${value === undefined ? "" : value.trim()}\n`;
  }
  return `${out}\n${signed.list}\n${hashedPayload}`;
}

/** The V3 canonical request of a request over the given signed header names (sorted, lower case). */
export function canonicalRequestV3(request: V3Request, signedHeaders: readonly string[]): string {
  const signed = { names: signedHeaders, list: signedHeaders.join(";") };
  return canonicalV3(
    request.method,
    request.pathname,
    canonicalQuery(request.query),
    request.headers,
    signed,
    request.hashedPayload,
  );
}

/** The hex HMAC-SHA256 signature of a canonical request, keyed with the secret (or its ready KeyObject). */
export function signatureV3(secret: string | KeyObject, canonicalRequest: string): string {
  const hashed = createHash("sha256").update(canonicalRequest, "utf8").digest("hex");
  return createHmac("sha256", secret).update(`${V3_ALGORITHM}\n${hashed}`, "utf8").digest("hex");
}

/** Signs a request: returns the Authorization header value, signing every header V3 signs. */
export function authorizationV3(request: V3Request, accessKeyId: string, secret: string): string {
  const signed = signedHeaderNamesV3(request.headers);
  const canonical = canonicalV3(
    request.method,
    request.pathname,
    canonicalQuery(request.query),
    request.headers,
    signed,
    request.hashedPayload,
  );
  return `${V3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signed.list},Signature=${signatureV3(secret, canonical)}`;
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
