import type { DmsCredentials, ResolvedCredentials } from "../DmsCredentials.js";
import { assumeRole, assumeRoleWithOidc } from "./assumeRole.js";
import { CredentialExchangeFailure } from "./CredentialExchangeFailure.js";
import { cloudSso } from "./cloudSso.js";
import { credentialsUri } from "./credentialsUri.js";
import type { ExchangeContext } from "./ExchangeContext.js";
import { ecsRamRole } from "./ecsRamRole.js";
import { externalProcess } from "./externalProcess.js";
import { readOidcToken } from "./oidcToken.js";
import { stsEndpoint } from "./stsEndpoint.js";

/** The modes of `aliyun configure --mode` that dmsflow carries out. */
export const SUPPORTED_PROFILE_MODES = [
  "AK",
  "StsToken",
  "RamRoleArn",
  "ChainableRamRoleArn",
  "EcsRamRole",
  "OIDC",
  "CloudSSO",
  "CredentialsURI",
  "External",
] as const;

/** An aliyun CLI config: its profiles and where it was read. */
export interface CliProfileRequest {
  readonly profiles: readonly unknown[];
  /** The profile to resolve. */
  readonly name: string;
  /** The config file, for messages. */
  readonly path: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Resolves a profile of any supported mode, following `source_profile` for ChainableRamRoleArn. */
export async function profileCredentials(request: CliProfileRequest): Promise<ResolvedCredentials> {
  const credentials = await resolveProfile(request, request.name, []);
  const mode = modeOf(findProfile(request, request.name, []));
  return { ...credentials, source: `aliyun CLI profile "${request.name}" (${request.path}), mode ${mode}` };
}

function findProfile(request: CliProfileRequest, name: string, chain: readonly string[]): Record<string, unknown> {
  const found = request.profiles.find((p) => (p as { name?: unknown } | null)?.name === name);
  if (found && typeof found === "object") return found as Record<string, unknown>;
  const from = chain.length === 0 ? "" : ` (source_profile of "${chain[chain.length - 1]}")`;
  throw new CredentialExchangeFailure(
    "CredentialsNotFound",
    `aliyun CLI profile "${name}"${from} is not in ${request.path}; run \`aliyun configure --profile ${name}\`.`,
  );
}

function modeOf(profile: Record<string, unknown>): string {
  return typeof profile.mode === "string" && profile.mode !== "" ? profile.mode : "AK";
}

async function resolveProfile(request: CliProfileRequest, name: string, chain: readonly string[]): Promise<DmsCredentials> {
  if (chain.includes(name)) {
    throw new CredentialExchangeFailure(
      "InvalidCredentialSettings",
      `aliyun CLI profiles ${[...chain, name].map((n) => `"${n}"`).join(" -> ")} name each other as source_profile in a loop; break the loop in ${request.path}.`,
    );
  }
  const profile = findProfile(request, name, chain);
  const mode = modeOf(profile);
  const context: ExchangeContext = { where: `aliyun CLI profile "${name}" (${mode})`, env: request.env };
  const text = (field: string) => (typeof profile[field] === "string" ? (profile[field] as string) : "");
  const number = (field: string) =>
    typeof profile[field] === "number" && profile[field] !== 0 ? (profile[field] as number) : undefined;
  const require = (...fields: string[]) => {
    const missing = fields.filter((f) => text(f) === "");
    if (missing.length > 0) {
      throw new CredentialExchangeFailure(
        "IncompleteCredentials",
        `${context.where} has no ${missing.join(", ")}; run \`aliyun configure --mode ${mode} --profile ${name}\`.`,
      );
    }
  };
  const role = () => ({
    roleArn: text("ram_role_arn"),
    sessionName: text("ram_session_name") || undefined,
    durationSeconds: number("expired_seconds") ?? number("duration_seconds"),
    externalId: text("external_id") || undefined,
    endpoint: stsEndpoint(request.env, text("sts_endpoint") || undefined, text("sts_region") || undefined),
  });
  switch (mode) {
    case "AK":
    case "StsToken":
      require("access_key_id", "access_key_secret", ...(mode === "StsToken" ? ["sts_token"] : []));
      return {
        accessKeyId: text("access_key_id"),
        accessKeySecret: text("access_key_secret"),
        securityToken: mode === "StsToken" ? text("sts_token") : undefined,
      };
    case "RamRoleArn": {
      require("access_key_id", "access_key_secret", "ram_role_arn");
      const source = {
        accessKeyId: text("access_key_id"),
        accessKeySecret: text("access_key_secret"),
        securityToken: text("sts_token") || undefined,
      };
      return assumeRole(source, role(), context);
    }
    case "ChainableRamRoleArn": {
      require("source_profile", "ram_role_arn");
      const source = await resolveProfile(request, text("source_profile"), [...chain, name]);
      return assumeRole(source, role(), context);
    }
    case "EcsRamRole":
      return ecsRamRole(text("ram_role_name") || undefined, context);
    case "OIDC": {
      require("oidc_provider_arn", "oidc_token_file", "ram_role_arn");
      const token = await readOidcToken(text("oidc_token_file"), context);
      return assumeRoleWithOidc({ providerArn: text("oidc_provider_arn"), token }, role(), context);
    }
    case "CloudSSO":
      return cloudSso(
        {
          signInUrl: text("cloud_sso_sign_in_url"),
          accountId: text("cloud_sso_account_id"),
          accessConfig: text("cloud_sso_access_config"),
          accessToken: text("access_token"),
          accessTokenExpire: number("cloud_sso_access_token_expire") ?? 0,
        },
        name,
        context,
      );
    case "CredentialsURI":
      require("credentials_uri");
      return credentialsUri(text("credentials_uri"), context);
    case "External":
      require("process_command");
      return externalProcess(text("process_command"), context);
    default:
      throw new CredentialExchangeFailure(
        "UnsupportedCredentialMode",
        `aliyun CLI profile "${name}" uses mode ${mode}, which dmsflow does not support (supported: ${SUPPORTED_PROFILE_MODES.join(", ")})${whyNot(mode)}; ` +
          "use a profile in a supported mode (e.g. `aliyun configure --mode CloudSSO`), set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or pass credentials.",
      );
  }
}

// The modes left out, and why: said in the error so nobody has to look it up.
function whyNot(mode: string): string {
  if (mode === "OAuth")
    return ": OAuth refreshes its tokens through the aliyun CLI's own OAuth application and writes them back to config.json, which only the aliyun CLI should do";
  if (mode === "RsaKeyPair") return ": Alibaba Cloud retired RSA key pairs (Japan site only)";
  return "";
}
