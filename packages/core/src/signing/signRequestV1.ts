import { createHmac } from "node:crypto";
import type { DmsCredentials } from "../credentials/DmsCredentials.js";
import type { DmsHttpRequest } from "../http/DmsHttpMessage.js";
import { byCodeUnit } from "./canonicalQuery.js";
import { copyHeaders, isBaseTemplate } from "./copyHeaders.js";
import { hmacKey } from "./hmacKey.js";
import { nonceNow, timestampNow } from "./requestClock.js";
import { rpcEncode } from "./rpcEncode.js";

/**
 * Signs a request the way @alicloud/pop-core sends it: the common parameters (fresh nonce and
 * timestamp) plus the business ones, HMAC-SHA1 over the sorted pairs, `Signature` appended last;
 * POST carries them as a form body, GET in the query. Returns a new request.
 */
export function signRequestV1(
  template: DmsHttpRequest,
  params: Readonly<Record<string, string>>,
  credentials: DmsCredentials,
  action: string,
  version: string,
): DmsHttpRequest {
  // The common parameters, sorted by name; merged below with the sorted business ones, which win
  // on a clash as with pop-core (the generated serializers never produce one).
  const common: [string, string][] = [
    ["AccessKeyId", credentials.accessKeyId],
    ["Action", action],
    ["Format", "JSON"],
    ["SignatureMethod", "HMAC-SHA1"],
    ["SignatureNonce", nonceNow()],
    ["SignatureVersion", "1.0"],
    ["Timestamp", timestampNow()],
    ["Version", version],
  ];
  if (credentials.securityToken) common.splice(3, 0, ["SecurityToken", credentials.securityToken]);
  const names = Object.keys(params).sort(byCodeUnit);
  let pairs = "";
  let i = 0;
  let j = 0;
  while (i < names.length || j < common.length) {
    const name = i < names.length ? names[i]! : undefined;
    const order = name === undefined ? 1 : j >= common.length ? -1 : byCodeUnit(name, common[j]![0]);
    let pair: string;
    if (order <= 0) {
      pair = `${rpcEncode(name!)}=${rpcEncode(params[name!]!)}`;
      i++;
      if (order === 0) j++;
    } else {
      pair = `${common[j]![0]}=${rpcEncode(common[j]![1])}`;
      j++;
    }
    pairs = pairs === "" ? pair : `${pairs}&${pair}`;
  }
  // The pairs are already encoded, so only %, & and = remain to encode; replaceAll is much
  // cheaper than encodeURIComponent over the whole string.
  const encodedPairs = pairs.replaceAll("%", "%25").replaceAll("&", "%26").replaceAll("=", "%3D");
  const signature = createHmac("sha1", hmacKey(credentials, "v1"))
    .update(`${template.method}&%2F&${encodedPairs}`, "utf8")
    .digest("base64");
  const form = `${pairs}&Signature=${rpcEncode(signature)}`;
  const headers = copyHeaders(template.headers, isBaseTemplate(template.headers));
  if (template.method === "GET") return { method: "GET", path: `/?${form}`, headers, body: "" };
  headers["content-type"] = "application/x-www-form-urlencoded";
  return { method: "POST", path: "/", headers, body: form };
}
