import { isDmsError } from "@dmsflow/core";
import { UsageError } from "./args/usageError.js";
import { ExitCode, type ExitCodeValue } from "./exitCodes.js";

// Core's codes for failures to reach the API in time; a waiter that ran out of time is one too.
const NETWORK_CODES: ReadonlySet<string> = new Set(["Timeout", "ConnectTimeout", "NetworkError", "WaiterTimeout"]);

/** The exit code for an error that ended a command; anything unexpected counts as an API failure. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  return knownExitCode(error) ?? ExitCode.ApiFailure;
}

/** Whether dmsflow expects this kind of error (a user mistake, the API, the network), unlike a bug. */
export function isExpectedError(error: unknown): boolean {
  return knownExitCode(error) !== undefined;
}

// By core's brand and codes, not instanceof or class names: an error from the other build of core
// (or another copy of it) is recognised all the same.
function knownExitCode(error: unknown): ExitCodeValue | undefined {
  if (error instanceof UsageError) return ExitCode.Usage;
  if (!isDmsError(error)) return undefined;
  if (error.code === "ValidationError") return ExitCode.Usage;
  if (error.code === "Aborted") return ExitCode.Interrupted;
  if (NETWORK_CODES.has(error.code)) return ExitCode.Network;
  if (error.code === "ConfigError" || error.option === "credentials") return ExitCode.Config;
  return ExitCode.ApiFailure;
}
