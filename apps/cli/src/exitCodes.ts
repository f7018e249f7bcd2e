/** The documented exit codes of `dmsflow`; scripts may rely on them. */
export const ExitCode = {
  /** Everything asked for happened. */
  Success: 0,
  /** The API refused or failed the request (gateway error or business failure). */
  ApiFailure: 1,
  /** The command line was wrong: unknown command or flag, missing or malformed value. */
  Usage: 2,
  /** Credentials or configuration are missing or wrong (no AccessKey, unknown profile or region). */
  Config: 3,
  /** The API could not be reached in time: connection failure or timeout. */
  Network: 4,
  /** A bulk command finished, but some of its items failed. */
  PartialFailure: 5,
  /** Interrupted by Ctrl-C (SIGINT), as shells report it. */
  Interrupted: 130,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

// By class name rather than instanceof: the help path never loads @dmsflow/core, and a name survives
// two copies of core in one node_modules tree.
const BY_ERROR_NAME: Readonly<Record<string, ExitCodeValue>> = {
  UsageError: ExitCode.Usage,
  DmsValidationError: ExitCode.Usage,
  DmsParameterError: ExitCode.Usage,
  DmsServiceError: ExitCode.ApiFailure,
  DmsBusinessError: ExitCode.ApiFailure,
  DmsResponseFormatError: ExitCode.ApiFailure,
  DmsCredentialsError: ExitCode.Config,
  DmsConfigError: ExitCode.Config,
  DmsTimeoutError: ExitCode.Network,
  DmsNetworkError: ExitCode.Network,
  AbortError: ExitCode.Interrupted,
};

/** The exit code for an error that ended a command; anything unexpected counts as an API failure. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  return knownExitCode(error) ?? ExitCode.ApiFailure;
}

/** Whether dmsflow expects this kind of error (a user mistake, the API, the network), unlike a bug. */
export function isExpectedError(error: unknown): boolean {
  return knownExitCode(error) !== undefined;
}

function knownExitCode(error: unknown): ExitCodeValue | undefined {
  if (!(error instanceof Error)) return undefined;
  // A waiter that ran out of time is a timeout; one that saw a final status that cannot match is not.
  if (error.name === "DmsWaiterError") {
    return (error as { code?: string }).code === "WaiterTimeout" ? ExitCode.Network : ExitCode.ApiFailure;
  }
  return BY_ERROR_NAME[error.name] ?? (/^Dms[A-Za-z]*Error$/.test(error.name) ? ExitCode.ApiFailure : undefined);
}
