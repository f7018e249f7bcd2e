import type { DmsResponseFormatError, Envelope } from "@dmsflow/client";
import { errorFromResponse } from "../errors/errorFromResponse.js";
import { hintFor } from "../errors/errorHints.js";
import { DmsBusinessError, DmsResponseError } from "../errors/serviceErrors.js";
import type { DmsCallContext, DmsHttpResponse } from "./DmsCallContext.js";
import type { DmsMiddleware } from "./MiddlewareStack.js";

/**
 * deserialize step: turns the response into the typed output (exact int64), a DmsServiceError for
 * HTTP 4xx/5xx, a DmsResponseError when the body is not what the API describes, and, unless the
 * call opted out, a DmsBusinessError for HTTP 200 with `Success: false`.
 */
export const deserializeMiddleware: DmsMiddleware = (next) => async (context) => {
  const response = (await next(context)) as DmsHttpResponse;
  context.response = response;
  if (response.statusCode < 200 || response.statusCode >= 300) throw errorFromResponse(response, context.action, context.attempt);
  let output: unknown;
  try {
    output = context.command.deserialize(response.body);
  } catch (error) {
    throw responseError(error, context, response);
  }
  if ((output as Envelope).Success === false && context.throwOnBusinessError) throw businessError(output as Envelope, context);
  return output;
};

/** The DmsBusinessError for an HTTP 200 `Success: false` envelope. */
export function businessError(envelope: Envelope, context: DmsCallContext): DmsBusinessError {
  const code = envelope.ErrorCode || "UnknownError";
  const text = envelope.ErrorMessage?.trim() || "no error message";
  const hint = hintFor(code, context.action);
  return new DmsBusinessError(
    code,
    `${context.action} was declined: ${code}: ${/[.!?]$/.test(text) ? text : `${text}.`}${hint ? ` ${hint}` : ""} RequestId ${envelope.RequestId}.`,
    { action: context.action, requestId: envelope.RequestId, attempts: context.attempt, errorMessage: envelope.ErrorMessage },
  );
}

function responseError(error: unknown, context: DmsCallContext, response: DmsHttpResponse): DmsResponseError {
  const requestId = firstHeader(response, "x-acs-request-id");
  const id = requestId ? ` RequestId ${requestId}.` : "";
  // By name, not instanceof, for the same reason as in serializeMiddleware.
  if (error instanceof Error && error.name === "DmsResponseFormatError") {
    return new DmsResponseError(`${context.action}: ${error.message} (HTTP ${response.statusCode}).${id}`, {
      action: context.action,
      requestId,
      statusCode: response.statusCode,
      path: (error as DmsResponseFormatError).path,
      cause: error,
    });
  }
  const type = firstHeader(response, "content-type") ?? "no content type";
  return new DmsResponseError(
    `${context.action}: the HTTP ${response.statusCode} response is not JSON (${type}, ${Buffer.byteLength(response.body)} bytes); ` +
      `check that the endpoint is a DMS Enterprise endpoint.${id}`,
    { action: context.action, requestId, statusCode: response.statusCode },
  );
}

function firstHeader(response: DmsHttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
