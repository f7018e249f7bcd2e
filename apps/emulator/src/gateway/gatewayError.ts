import { type ErrorCode, errorCodes } from "@dmsflow/client";
/**
 * A gateway error code the emulator can answer with: the spec's `kind: gateway` entries, with the
 * codes, HTTP statuses and messages of the real gateway (the spec's error-code table, generated into
 * @dmsflow/client as `errorCodes`).
 */
export type GatewayErrorCode = {
  [C in ErrorCode]: (typeof errorCodes)[C]["kind"] extends "gateway" ? C : never;
}[ErrorCode];

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
  /** The action, for codes about one operation. */
  readonly action?: string;
  /** A sentence appended to the documented message, saying what exactly was wrong. */
  readonly detail?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Builds the failure for a code; the message starts with the documented text. */
export function gatewayError(code: GatewayErrorCode, details: GatewayErrorDetails = {}): GatewayFailure {
  const entry = errorCodes[code];
  let message: string = entry.message
    .replace("{parameter}", details.parameter ?? "")
    .replace("{stringToSign}", details.stringToSign ?? "")
    .replace("{action}", details.action ?? "");
  if (details.detail) message += ` ${details.detail}`;
  return details.headers
    ? { kind: "gateway", status: entry.httpStatus, code, message, headers: details.headers }
    : { kind: "gateway", status: entry.httpStatus, code, message };
}

/** Whether a value is a gateway failure (as returned by the checks, never thrown). */
export function isGatewayFailure(value: unknown): value is GatewayFailure {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "gateway";
}
