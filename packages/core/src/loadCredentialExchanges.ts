import type * as Exchanges from "./credentialExchanges.js";
import { DmsCredentialsError } from "./errors/localErrors.js";

// A variable, not a literal, so that bundlers (the package build and a user's) leave the exchanges
// in their own file: the main bundle stays as small as a program that signs with an AccessKey needs.
// The path is relative to the built index.js, which sits next to credentialExchanges.js.
const EXCHANGES = "./credentialExchanges.js";

type Exchange = "profileCredentials" | "iniFileCredentials" | "oidcFromEnvironment" | "instanceFromEnvironment";

/** Loads the credential exchanges on first use and runs one; its failures become DmsCredentialsError. */
export async function runExchange<Name extends Exchange>(
  name: Name,
  ...args: Parameters<(typeof Exchanges)[Name]>
): Promise<Awaited<ReturnType<(typeof Exchanges)[Name]>>> {
  const exchanges = (await import(EXCHANGES).catch(() => {
    throw new DmsCredentialsError(
      "CredentialExchangeUnavailable",
      `Cannot load ${EXCHANGES}: keep it next to @dmsflow/core's index.js (or your bundle), or pass credentials.`,
    );
  })) as typeof Exchanges;
  const exchange = exchanges[name] as (...a: unknown[]) => Promise<Awaited<ReturnType<(typeof Exchanges)[Name]>>>;
  return exchange(...args).catch((error: { name?: unknown; code: string; message: string }) => {
    throw error?.name === "CredentialExchangeFailure" ? new DmsCredentialsError(error.code, error.message) : error;
  });
}
