import type { DmsHttpRequest } from "../http/DmsHttpMessage.js";
import type { DmsRequestView } from "./DmsHooks.js";

const SECRET_PARAMS = new Set(["Signature", "SecurityToken"]);
const SECRET_HEADERS = new Set(["x-acs-security-token", "proxy-authorization", "x-acs-bearer-token"]);

/** Masks an AccessKey ID to its first 4 and last 3 characters; it identifies a key without being one. */
export function maskAccessKeyId(id: string): string {
  return id.length < 10 ? "****" : `${id.slice(0, 4)}****${id.slice(-3)}`;
}

/** Redacts `name=value` pairs of a query or form: Signature and SecurityToken values, the AccessKeyId masked. */
export function redactPairs(pairs: string): string {
  if (pairs === "") return pairs;
  return pairs
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = eq < 0 ? pair : pair.slice(0, eq);
      if (SECRET_PARAMS.has(name)) return `${name}=***`;
      if (name === "AccessKeyId") return `${name}=${maskAccessKeyId(decodeURIComponent(pair.slice(eq + 1)))}`;
      return pair;
    })
    .join("&");
}

/** The view of a signed request that hooks and debug output get: nothing in it can sign a request. */
export function redactRequest(request: DmsHttpRequest, origin: string): DmsRequestView {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(request.headers)) {
    const value = request.headers[name]!;
    if (SECRET_HEADERS.has(name)) headers[name] = "***";
    else if (name === "authorization") headers[name] = redactAuthorization(value);
    else if (name === "x-acs-accesskey-id") headers[name] = maskAccessKeyId(value);
    else headers[name] = value;
  }
  const q = request.path.indexOf("?");
  const path = q < 0 ? request.path : `${request.path.slice(0, q + 1)}${redactPairs(request.path.slice(q + 1))}`;
  return { method: request.method, url: `${origin}${path}`, headers, body: redactPairs(request.body) };
}

function redactAuthorization(value: string): string {
  return value
    .replace(/Signature=[^,\s]*/, "Signature=***")
    .replace(/Credential=([^,\s]*)/, (_match, id: string) => `Credential=${maskAccessKeyId(id)}`);
}
