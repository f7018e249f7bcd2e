import type { CredentialCache } from "../credentials/CredentialCache.js";
import type { DmsCredentials } from "../credentials/DmsCredentials.js";
import { DmsValidationError } from "../errors/localErrors.js";
import { redactError } from "../errors/redactSecrets.js";
import type { DmsHttpRequest } from "../http/DmsHttpMessage.js";
import type { DmsSigner } from "../signing/DmsSigner.js";
import type { DmsCallResult, DmsFinalizeArgs } from "./DmsStepArgs.js";
import type { DmsMiddleware } from "./MiddlewareStack.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * finalizeRequest step, inner part: signs every attempt afresh (new nonce and timestamp) with the
 * current credentials. Whatever fails below it is scrubbed of the secret, the security token and
 * the signature before it travels up, whatever the service echoed back.
 */
export function signMiddleware(credentials: CredentialCache, signer: DmsSigner): DmsMiddleware<DmsFinalizeArgs, DmsCallResult> {
  return (next) => async (args) => {
    const pending = credentials.get();
    const current = "then" in pending ? await pending : pending;
    const request = sign(args, current, signer);
    try {
      return await next({ ...args, request });
    } catch (error) {
      redactError(error, [current.accessKeySecret, current.securityToken, signatureOf(request)]);
      throw error;
    }
  };
}

function sign(args: DmsFinalizeArgs, credentials: DmsCredentials, signer: DmsSigner): DmsHttpRequest {
  const { call, params } = args;
  try {
    return signer.sign(args.request, params, credentials, call.command.operation);
  } catch (error) {
    if (!(error instanceof URIError)) throw error;
    const parameter = Object.keys(params).find((name) => LONE_SURROGATE.test(params[name]!)) ?? "";
    throw new DmsValidationError(
      `${call.action}: ${parameter || "a parameter"} holds a lone UTF-16 surrogate, which cannot be sent; pass well-formed text. Nothing was sent.`,
      { action: call.action, parameter },
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
