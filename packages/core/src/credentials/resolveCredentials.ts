import { CREDENTIALS_HINT, DmsCredentialsError } from "../errors/localErrors.js";
import { runExchange } from "../loadCredentialExchanges.js";
import { cliProfileCredentials } from "./cliProfileCredentials.js";
import { credentialsFileCredentials } from "./credentialsFileCredentials.js";
import type { CredentialChainOptions, CredentialSource, ResolvedCredentials } from "./DmsCredentials.js";
import { environmentCredentials } from "./environmentCredentials.js";

/**
 * The default chain's sources, in Alibaba's order: environment AccessKey, OIDC (RRSA) variables,
 * aliyun CLI config, credentials file, then the ECS RAM role (ALIBABA_CLOUD_ECS_METADATA) and
 * ALIBABA_CLOUD_CREDENTIALS_URI. Sources whose variables are unset are left out. With an explicit
 * `profile` only the files are read, since the caller named what to use.
 */
export function defaultCredentialSources(options: CredentialChainOptions = {}): CredentialSource[] {
  const env = options.env ?? process.env;
  const homeDir = options.homeDir ?? process.getBuiltinModule("node:os").homedir();
  const sources = [
    cliProfileCredentials({ homeDir, env, profile: options.profile }),
    credentialsFileCredentials({ homeDir, env, profile: options.profile }),
  ];
  if (options.profile !== undefined) return sources;
  // RRSA sets all three OIDC variables; the exchange names any that are missing.
  if (env.ALIBABA_CLOUD_OIDC_TOKEN_FILE) sources.unshift({ name: "OIDC", load: () => runExchange("oidcFromEnvironment", env) });
  if (env.ALIBABA_CLOUD_ECS_METADATA || env.ALIBABA_CLOUD_CREDENTIALS_URI) {
    sources.push({ name: "ECS RAM role or credentials URI", load: () => runExchange("instanceFromEnvironment", env) });
  }
  return [environmentCredentials(env), ...sources];
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
