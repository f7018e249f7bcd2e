import type { DmsResponseFormatError, Envelope } from "@dmsflow/client";
import { errorFromResponse, withStop } from "../errors/errorFromResponse.js";
import { hintFor } from "../errors/errorHints.js";
import { DmsBusinessError, DmsResponseError } from "../errors/serviceErrors.js";
import { type DmsHttpResponse, firstHeader } from "../http/DmsHttpMessage.js";
import type { DmsCallResult, DmsFinalizeArgs, DmsResponseResult } from "./DmsStepArgs.js";
import type { DmsTransition } from "./MiddlewareStack.js";

/**
 * deserialize step: turns the response into the typed output (exact int64), a DmsServiceError for
 * HTTP 4xx/5xx, a DmsResponseError when the body is not what the API describes, and, unless the
 * call opted out, a DmsBusinessError for HTTP 200 with `Success: false`.
 */
export const deserializeMiddleware: DmsTransition<DmsFinalizeArgs, DmsFinalizeArgs, DmsResponseResult, DmsCallResult> =
  (next) => async (args) => {
    const { response } = await next(args);
    const { call, attempt } = args;
    if (response.statusCode < 200 || response.statusCode >= 300) throw errorFromResponse(response, call.action, attempt);
    let output: unknown;
    try {
      output = call.command.deserialize(response.body);
    } catch (error) {
      throw responseError(error, call.action, response);
    }
    if ((output as Envelope).Success === false && call.throwOnBusinessError) {
      throw businessError(output as Envelope, call.action, attempt);
    }
    return { response, output, attempts: attempt };
  };

/** The DmsBusinessError for an HTTP 200 `Success: false` envelope. */
function businessError(envelope: Envelope, action: string, attempt: number): DmsBusinessError {
  const code = envelope.ErrorCode || "UnknownError";
  const text = withStop(envelope.ErrorMessage?.trim() || "no error message");
  const hint = hintFor(code, action);
  return new DmsBusinessError(
    code,
    `${action} was declined: ${code}: ${text}${hint ? ` ${hint}` : ""} RequestId ${envelope.RequestId}.`,
    {
      action,
      requestId: envelope.RequestId,
      attempts: attempt,
      errorMessage: envelope.ErrorMessage,
      hint,
    },
  );
}

function responseError(error: unknown, action: string, response: DmsHttpResponse): DmsResponseError {
  const requestId = firstHeader(response, "x-acs-request-id");
  const id = requestId ? ` RequestId ${requestId}.` : "";
  // By name, not instanceof, for the same reason as in serializeMiddleware.
  if (error instanceof Error && error.name === "DmsResponseFormatError") {
    return new DmsResponseError(`${action}: ${error.message} (HTTP ${response.statusCode}).${id}`, {
      action: action,
      requestId,
      statusCode: response.statusCode,
      path: (error as DmsResponseFormatError).path,
      cause: error,
    });
  }
  const type = firstHeader(response, "content-type") ?? "no content type";
  return new DmsResponseError(
    `${action}: the HTTP ${response.statusCode} response is not JSON (${type}, ${Buffer.byteLength(response.body)} bytes); ` +
      `check that the endpoint is a DMS Enterprise endpoint.${id}`,
    { action: action, requestId, statusCode: response.statusCode },
  );
}
