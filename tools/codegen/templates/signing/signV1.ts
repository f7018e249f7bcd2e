import { createHmac } from "node:crypto";
import { canonicalQuery } from "./canonicalQuery.js";
import { rpcEncode } from "./rpcEncode.js";

/** The V1 string to sign: METHOD&%2F&encode(canonical query of every parameter but Signature). */
export function stringToSignV1(method: string, params: Readonly<Record<string, string>>): string {
  const { Signature: _ignored, ...signed } = params;
  return `${method}&${rpcEncode("/")}&${rpcEncode(canonicalQuery(signed))}`;
}

/** The Base64 HMAC-SHA1 V1 signature, keyed with `secret + "&"`. */
export function signatureV1(secret: string, method: string, params: Readonly<Record<string, string>>): string {
  return createHmac("sha1", `${secret}&`).update(stringToSignV1(method, params), "utf8").digest("base64");
}
