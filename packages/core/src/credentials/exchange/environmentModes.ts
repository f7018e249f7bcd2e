import type { CredentialLookup } from "../DmsCredentials.js";
import { assumeRoleWithOidc } from "./assumeRole.js";
import { CredentialExchangeFailure } from "./CredentialExchangeFailure.js";
import { credentialsUri } from "./credentialsUri.js";
import { ecsRamRole } from "./ecsRamRole.js";
import { readOidcToken } from "./oidcToken.js";
import { stsEndpoint } from "./stsEndpoint.js";

type Env = Readonly<Record<string, string | undefined>>;

const OIDC_VARIABLES = ["ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE"] as const;

/** RRSA on ACK: AssumeRoleWithOIDC with ALIBABA_CLOUD_ROLE_ARN, _OIDC_PROVIDER_ARN and _OIDC_TOKEN_FILE. */
export async function oidcFromEnvironment(env: Env): Promise<CredentialLookup> {
  const missing = OIDC_VARIABLES.filter((name) => !env[name]);
  if (missing.length === OIDC_VARIABLES.length) return { found: false, reason: "not set" };
  const context = { where: "environment (OIDC)", env };
  if (missing.length > 0) {
    throw new CredentialExchangeFailure(
      "IncompleteCredentials",
      `${context.where}: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set; OIDC (RRSA) needs all of ${OIDC_VARIABLES.join(", ")}.`,
    );
  }
  const token = await readOidcToken(env.ALIBABA_CLOUD_OIDC_TOKEN_FILE!, context);
  const credentials = await assumeRoleWithOidc(
    { providerArn: env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN!, token },
    { roleArn: env.ALIBABA_CLOUD_ROLE_ARN!, endpoint: stsEndpoint(env) },
    context,
  );
  return { found: true, credentials: { ...credentials, source: "environment (OIDC, ALIBABA_CLOUD_ROLE_ARN)" } };
}

/**
 * The chain's last places, in Alibaba's order: the ECS instance's RAM role (when
 * ALIBABA_CLOUD_ECS_METADATA names it), then ALIBABA_CLOUD_CREDENTIALS_URI. Alibaba's default chain
 * also asks the metadata service when no role is named; dmsflow does not, since off ECS that costs a
 * timeout before every "no credentials" error.
 */
export async function instanceFromEnvironment(env: Env): Promise<CredentialLookup> {
  const role = env.ALIBABA_CLOUD_ECS_METADATA;
  if (role && env.ALIBABA_CLOUD_ECS_METADATA_DISABLED?.toLowerCase() !== "true") {
    const credentials = await ecsRamRole(role, { where: "environment (EcsRamRole, ALIBABA_CLOUD_ECS_METADATA)", env });
    return { found: true, credentials: { ...credentials, source: `ECS RAM role ${role}` } };
  }
  const uri = env.ALIBABA_CLOUD_CREDENTIALS_URI;
  if (uri) {
    const credentials = await credentialsUri(uri, { where: "environment (ALIBABA_CLOUD_CREDENTIALS_URI)", env });
    return { found: true, credentials: { ...credentials, source: "credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)" } };
  }
  if (role) return { found: false, reason: "ALIBABA_CLOUD_ECS_METADATA_DISABLED=true" };
  return { found: false, reason: "not set" };
}
