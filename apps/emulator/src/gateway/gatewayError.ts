/**
 * The gateway errors the emulator answers with: the codes, HTTP statuses and messages of the real
 * Alibaba Cloud API gateway (reference §9.2). Where tables disagree the emulator follows the live
 * captures: SignatureDoesNotMatch 400, InvalidAccessKeyId.NotFound 404, Throttling.User 400.
 */
export const GATEWAY_ERRORS = {
  MissingParameter: {
    status: 400,
    message: 'The input parameter "{parameter}" that is mandatory for processing this request is not supplied.',
  },
  InvalidParameter: { status: 400, message: 'The specified parameter "{parameter}" is not valid.' },
  SignatureDoesNotMatch: {
    status: 400,
    message: "Specified signature is not matched with our calculation. server string to sign is:{stringToSign}",
  },
  IncompleteSignature: { status: 400, message: "The request signature does not conform to Aliyun standards." },
  "InvalidAccessKeyId.NotFound": { status: 404, message: "Specified access key is not found." },
  "Forbidden.AccessKeyDisabled": { status: 403, message: "The Access Key is disabled." },
  "InvalidSecurityToken.MismatchWithAccessKey": { status: 400, message: "Specified SecurityToken mismatch with the AccessKey." },
  "InvalidSecurityToken.Expired": { status: 400, message: "Specified SecurityToken is expired." },
  "InvalidTimeStamp.Expired": { status: 400, message: "Specified time stamp or date value is expired." },
  "InvalidTimeStamp.Format": { status: 400, message: "Specified time stamp or date value is not well formatted." },
  SignatureNonceUsed: { status: 400, message: "Specified signature nonce was used already." },
  "Throttling.User": { status: 400, message: "Request was denied due to user flow control." },
  "Forbidden.RAM": { status: 403, message: "You are not authorized to perform this operation by RAM." },
  "InvalidAction.NotFound": { status: 404, message: "Specified api is not found,please check your url and method." },
  "InvalidApi.NotFound": { status: 404, message: "Specified api is not found,please check your url and method." },
  InvalidVersion: { status: 400, message: "Specified parameter Version is not valid." },
  RequestEntityTooLarge: { status: 413, message: "The request body is too large." },
  RequestHeaderFieldsTooLarge: { status: 431, message: "The request line or headers are too large." },
  BadRequest: { status: 400, message: "The request is not a well-formed HTTP request." },
  InternalError: { status: 500, message: "The request processing has failed due to some unknown error, exception or failure." },
  ServiceUnavailable: { status: 503, message: "The request has failed due to a temporary failure of the server." },
} as const;

/** A gateway error code the emulator can answer with. */
export type GatewayErrorCode = keyof typeof GATEWAY_ERRORS;

/** A request the gateway refuses: HTTP status, code and the message the client sees. */
export interface GatewayFailure {
  readonly kind: "gateway";
  readonly status: number;
  readonly code: GatewayErrorCode;
  readonly message: string;
  /** Extra response headers, e.g. x-acs-retry-after for throttling. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Details that fill a message template or follow it as a second sentence. */
export interface GatewayErrorDetails {
  readonly parameter?: string;
  readonly stringToSign?: string;
  /** A sentence appended to the documented message, saying what exactly was wrong. */
  readonly detail?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Builds the failure for a code; the message starts with the documented text. */
export function gatewayError(code: GatewayErrorCode, details: GatewayErrorDetails = {}): GatewayFailure {
  const entry = GATEWAY_ERRORS[code];
  let message: string = entry.message
    .replace("{parameter}", details.parameter ?? "")
    .replace("{stringToSign}", details.stringToSign ?? "");
  if (details.detail) message += ` ${details.detail}`;
  return details.headers
    ? { kind: "gateway", status: entry.status, code, message, headers: details.headers }
    : { kind: "gateway", status: entry.status, code, message };
}

/** Whether a value is a gateway failure (as returned by the checks, never thrown). */
export function isGatewayFailure(value: unknown): value is GatewayFailure {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "gateway";
}
