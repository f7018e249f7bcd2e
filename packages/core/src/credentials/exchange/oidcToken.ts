import { CredentialExchangeFailure } from "./CredentialExchangeFailure.js";
import type { ExchangeContext } from "./ExchangeContext.js";

/** Reads the OIDC token file (RRSA mounts it and rotates it, so it is read again at every exchange). */
export async function readOidcToken(path: string, context: ExchangeContext): Promise<string> {
  let token: string;
  try {
    token = (await process.getBuiltinModule("node:fs/promises").readFile(path, "utf8")).trim();
  } catch (error) {
    throw new CredentialExchangeFailure(
      "UnreadableCredentialsFile",
      `${context.where}: cannot read the OIDC token file ${path} (${(error as NodeJS.ErrnoException).code ?? "error"}); check the path and that the pod mounts the RRSA token.`,
    );
  }
  if (token === "") {
    throw new CredentialExchangeFailure("IncompleteCredentials", `${context.where}: the OIDC token file ${path} is empty.`);
  }
  return token;
}
