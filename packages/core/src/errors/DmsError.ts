/** Fields every dmsflow error can carry besides its message. */
export interface DmsErrorDetails {
  /** The API action the error belongs to, when there is one. */
  readonly action?: string | undefined;
  /** The service's RequestId (from the body or the x-acs-request-id header). */
  readonly requestId?: string | undefined;
  /** How many attempts were made before this error was thrown. */
  readonly attempts?: number | undefined;
  /** The underlying error, when there is one (never a secret-bearing object). */
  readonly cause?: unknown;
  /** What to do about it, in the client's terms; when given, the message contains it word for word. */
  readonly hint?: string | undefined;
  /** The client option the error is about (wrong, or the one to change), e.g. `regionId`. */
  readonly option?: string | undefined;
}

/**
 * The brand every DmsError carries, from the global symbol registry: the ESM and CommonJS builds
 * (or two copies of core) each define their own DmsError class, so `instanceof` fails across them,
 * while this key is the same everywhere.
 */
export const DMS_ERROR_BRAND: unique symbol = Symbol.for("dmsflow.error") as never;

/**
 * The base of every error dmsflow throws. `code` is stable and machine-readable; `message` is one
 * line saying what went wrong and what to do. No message or field ever holds a secret.
 */
export class DmsError extends Error {
  override readonly name: string = "DmsError";
  /** A stable code: the service's error code, or a dmsflow code such as `Timeout`. */
  readonly code: string;
  /** The API action, when the error belongs to a call. */
  readonly action: string | undefined;
  /** The service's RequestId, when the service answered. */
  readonly requestId: string | undefined;
  /** Whether the standard retry policy would try the call again. */
  readonly retryable: boolean;
  /** How many attempts were made (set once retries are over). */
  attempts: number | undefined;
  /**
   * How many of the call's attempts may have taken effect although no answer said so (timeouts or
   * resets after sending, 5xx); set once retries are over. Above 0, a later "not allowed in this
   * state" answer may be the effect of an earlier attempt of the same call.
   */
  unknownOutcomeAttempts: number | undefined;
  /** What to do about it, in the client's terms (option names); the message contains it word for word. */
  readonly hint: string | undefined;
  /** The client option the error is about (wrong, or the one to change), e.g. `regionId`. */
  readonly option: string | undefined;

  /** Always true: the cross-build brand that {@link isDmsError} checks. */
  get [DMS_ERROR_BRAND](): true {
    return true;
  }

  constructor(code: string, message: string, retryable: boolean, details: DmsErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.action = details.action;
    this.requestId = details.requestId;
    this.retryable = retryable;
    this.attempts = details.attempts;
    this.hint = details.hint;
    this.option = details.option;
  }

  /** A plain object for logs and JSON output; holds only what the message may hold. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && key !== "cause") out[key] = value;
    }
    return out;
  }
}

/**
 * Whether a value is an error dmsflow threw, from whichever build or copy of core; with `code`,
 * whether it also has that code (e.g. `isDmsError(error, "WaiterTimeout")`). Prefer it to
 * `instanceof DmsError`, which fails when the error comes from the other build.
 */
export function isDmsError(value: unknown, code?: string): value is DmsError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { [DMS_ERROR_BRAND]?: unknown })[DMS_ERROR_BRAND] === true &&
    (code === undefined || (value as { code?: unknown }).code === code)
  );
}
