import type { CredentialCache } from "../credentials/CredentialCache.js";
import type { DmsCredentials } from "../credentials/DmsCredentials.js";
import { DmsValidationError } from "../errors/localErrors.js";
import { redactError } from "../errors/redactSecrets.js";
import type { DmsSigner } from "../signing/DmsSigner.js";
import type { DmsCallContext, DmsHttpRequest } from "./DmsCallContext.js";
import type { DmsMiddleware } from "./MiddlewareStack.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * finalizeRequest step, inner part: signs every attempt afresh (new nonce and timestamp) with the
 * current credentials. Whatever fails below it is scrubbed of the secret, the security token and
 * the signature before it travels up, whatever the service echoed back.
 */
export function signMiddleware(credentials: CredentialCache, signer: DmsSigner): DmsMiddleware {
  return (next) => async (context) => {
    const pending = credentials.get();
    const current = "then" in pending ? await pending : pending;
    const signedRequest = sign(context, current, signer);
    context.signedRequest = signedRequest;
    try {
      return await next(context);
    } catch (error) {
      redactError(error, [current.accessKeySecret, current.securityToken, signatureOf(signedRequest)]);
      throw error;
    }
  };
}

function sign(context: DmsCallContext, credentials: DmsCredentials, signer: DmsSigner): DmsHttpRequest {
  const params = context.params!;
  try {
    return signer.sign(context.request!, params, credentials, context.command.operation);
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
