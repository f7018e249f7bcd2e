import type { IncomingMessage } from "node:http";
import { type GatewayFailure, gatewayError } from "../gateway/gatewayError.js";
import { emptyParameters, parseUrlEncoded } from "./parseUrlEncoded.js";
import type { RpcRequest } from "./rpcRequest.js";

const FORM = "application/x-www-form-urlencoded";

/**
 * Builds the RPC view of a request: query parameters, plus form-body parameters for a POST with a
 * form content type (pop-core and the aliyun CLI POST that way). Other bodies are not parameters,
 * but V3 still checks their hash.
 */
export function parseRpcRequest(
  req: IncomingMessage,
  pathname: string,
  search: string,
  body: Buffer,
): RpcRequest | GatewayFailure {
  const query = emptyParameters();
  const fromQuery = parseUrlEncoded(search, query);
  if (!fromQuery.ok)
    return gatewayError("InvalidParameter", {
      parameter: fromQuery.parameter,
      detail: `In the query string, ${fromQuery.reason}.`,
    });
  let params = query;
  const contentType = req.headers["content-type"];
  if (body.length > 0 && contentType !== undefined && isFormMediaType(contentType)) {
    params = Object.assign(emptyParameters(), query);
    const fromBody = parseUrlEncoded(body.toString("utf8"), params);
    if (!fromBody.ok)
      return gatewayError("InvalidParameter", { parameter: fromBody.parameter, detail: `In the form body, ${fromBody.reason}.` });
  }
  return { method: req.method ?? "GET", pathname, query, params, headers: req.headers, body };
}

/**
 * Whether a Content-Type is the form media type: type/subtype compared whole and case-insensitively,
 * parameters (after `;`) ignored, so `application/x-www-form-urlencodedXYZ` is not a form.
 * Hand-written: one comparison does not need a content-type parser dependency.
 */
function isFormMediaType(contentType: string): boolean {
  const semicolon = contentType.indexOf(";");
  const mediaType = semicolon === -1 ? contentType : contentType.slice(0, semicolon);
  return mediaType.trim().toLowerCase() === FORM;
}
