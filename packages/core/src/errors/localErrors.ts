import { DmsError, type DmsErrorDetails } from "./DmsError.js";

/** The input was refused before anything was sent; `parameter` names the culprit. */
export class DmsValidationError extends DmsError {
  override readonly name: string = "DmsValidationError";
  /** The wire name of the parameter at fault (empty when the whole input is wrong). */
  readonly parameter: string;

  constructor(message: string, details: DmsErrorDetails & { readonly parameter: string }) {
    super("ValidationError", message, false, details);
    this.parameter = details.parameter;
  }
}

/** What to do when no usable credentials were found, in the client's terms (the `credentials` option). */
export const CREDENTIALS_HINT =
  "Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run `aliyun configure`, or pass credentials.";

/**
 * No usable credentials: nothing found, an unsupported mode, or a broken file. Lists what was tried;
 * `option` is always `credentials`.
 */
export class DmsCredentialsError extends DmsError {
  override readonly name: string = "DmsCredentialsError";
  /** Every source that was looked at, with what was found there. */
  readonly tried: readonly string[];

  constructor(code: string, message: string, tried: readonly string[] = [], hint?: string) {
    super(code, message, false, { hint, option: "credentials" });
    this.tried = tried;
  }
}

/** A client option is wrong (unknown region, bad endpoint, bad number). */
export class DmsConfigError extends DmsError {
  override readonly name: string = "DmsConfigError";
  /** The option at fault, e.g. `regionId`. */
  declare readonly option: string;

  constructor(option: string, message: string, hint?: string) {
    super("ConfigError", message, false, { option, hint });
  }
}

/** A waiter gave up: the instance reached a final status that cannot match, is not listed, or time ran out. */
export class DmsWaiterError extends DmsError {
  override readonly name: string = "DmsWaiterError";
  /** The last status seen, or undefined when the instance was never found. */
  readonly lastStatus: number | undefined;

  constructor(
    code: "WaiterTimeout" | "WaiterTerminalState" | "WaiterInstanceNotFound",
    message: string,
    lastStatus: number | undefined,
    details: Pick<DmsErrorDetails, "hint" | "option"> = {},
  ) {
    super(code, message, false, details);
    this.lastStatus = lastStatus;
  }
}

/** A task flow, node or run that dmsflow looked up (by name, or in a listing) and found none or several of. */
export class DmsLookupError extends DmsError {
  override readonly name: string = "DmsLookupError";
  /** What was found instead: the near or several matches, each by ID (and name for a task flow). */
  readonly candidates: readonly { readonly id: string; readonly name?: string | undefined }[];

  constructor(
    code:
      | "TaskFlowNotFound"
      | "TaskFlowNameAmbiguous"
      | "TaskFlowNodeNotFound"
      | "TaskFlowNodeAmbiguous"
      | "RunInstanceNotFound"
      | "RunInstanceAmbiguous"
      | "RunInstanceIdMissing",
    message: string,
    candidates: readonly { readonly id: string; readonly name?: string | undefined }[] = [],
    details: Pick<DmsErrorDetails, "hint" | "option" | "action"> = {},
  ) {
    super(code, message, false, details);
    this.candidates = candidates;
  }
}
