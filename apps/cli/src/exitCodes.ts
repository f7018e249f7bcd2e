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
