import type { CredentialCache } from "../credentials/CredentialCache.js";
import type { DmsCredentials } from "../credentials/DmsCredentials.js";
import { DmsValidationError } from "../errors/localErrors.js";
import { redactError } from "../errors/redactSecrets.js";
import { signRequestV1 } from "../signing/signRequestV1.js";
import { signRequestV3 } from "../signing/signRequestV3.js";
import type { DmsCallContext, DmsHttpRequest } from "./DmsCallContext.js";
import type { DmsMiddleware } from "./MiddlewareStack.js";

/** Which signature a client sends: V3 ACS3-HMAC-SHA256 (default) or V1 RPC HMAC-SHA1. */
export type DmsSignatureVersion = "v3" | "v1";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * finalizeRequest step, inner part: signs every attempt afresh (new nonce and timestamp) with the
 * current credentials. Whatever fails below it is scrubbed of the secret, the security token and
 * the signature before it travels up, whatever the service echoed back.
 */
export function signMiddleware(credentials: CredentialCache, version: DmsSignatureVersion): DmsMiddleware {
  return (next) => async (context) => {
    const pending = credentials.get();
    const current = "then" in pending ? await pending : pending;
    const signedRequest = sign(context, current, version);
    context.signedRequest = signedRequest;
    try {
      return await next(context);
    } catch (error) {
      redactError(error, [current.accessKeySecret, current.securityToken, signatureOf(signedRequest)]);
      throw error;
    }
  };
}

function sign(context: DmsCallContext, credentials: DmsCredentials, version: DmsSignatureVersion): DmsHttpRequest {
  const params = context.params!;
  try {
    return version === "v3"
      ? signRequestV3(context.request!, params, credentials)
      : signRequestV1(context.request!, params, credentials, context.action, context.command.operation.version);
  } catch (error) {
    if (!(error instanceof URIError)) throw error;
    const parameter = Object.keys(params).find((name) => LONE_SURROGATE.test(params[name]!)) ?? "";
    throw new DmsValidationError(
      `${context.action}: ${parameter || "a parameter"} holds a lone UTF-16 surrogate, which cannot be sent; pass well-formed text. Nothing was sent.`,
      { action: context.action, parameter },
    );
  }
}

function signatureOf(request: DmsHttpRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization) return authorization.slice(authorization.lastIndexOf("Signature=") + 10);
  const form = request.body || request.path;
  const at = form.lastIndexOf("Signature=");
  return at < 0 ? undefined : decodeURIComponent(form.slice(at + 10));
}
