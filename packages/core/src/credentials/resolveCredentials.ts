import { CREDENTIALS_HINT, DmsCredentialsError } from "../errors/localErrors.js";
import { cliProfileCredentials } from "./cliProfileCredentials.js";
import { credentialsFileCredentials } from "./credentialsFileCredentials.js";
import type { CredentialChainOptions, CredentialSource, ResolvedCredentials } from "./DmsCredentials.js";
import { environmentCredentials } from "./environmentCredentials.js";

/**
 * The default chain's sources, in order: environment, aliyun CLI config, credentials file. With an
 * explicit `profile` the environment is skipped, since the caller named what to use.
 */
export function defaultCredentialSources(options: CredentialChainOptions = {}): CredentialSource[] {
  const env = options.env ?? process.env;
  const homeDir = options.homeDir ?? process.getBuiltinModule("node:os").homedir();
  const files = [
    cliProfileCredentials({ homeDir, env, profile: options.profile }),
    credentialsFileCredentials({ homeDir, env, profile: options.profile }),
  ];
  return options.profile === undefined ? [environmentCredentials(env), ...files] : files;
}

/**
 * Runs the default chain and returns the first credentials found. Throws DmsCredentialsError that
 * lists every source tried when there are none, or when a source is configured but unusable.
 */
export async function resolveCredentials(options: CredentialChainOptions = {}): Promise<ResolvedCredentials> {
  const tried: string[] = [];
  for (const source of defaultCredentialSources(options)) {
    const lookup = await source.load();
    if (lookup.found) return lookup.credentials;
    tried.push(`${source.name}: ${lookup.reason}`);
  }
  const profileHint = options.profile === undefined ? "" : ` for profile "${options.profile}"`;
  throw new DmsCredentialsError(
    "CredentialsNotFound",
    `No Alibaba Cloud credentials found${profileHint}. Tried ${tried.join("; ")}. ${CREDENTIALS_HINT}`,
    tried,
    CREDENTIALS_HINT,
  );
}
