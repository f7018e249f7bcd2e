import { DmsCredentialsError } from "../errors/localErrors.js";
import { runExchange } from "../loadCredentialExchanges.js";
import type { CredentialSource } from "./DmsCredentials.js";

/** Where the aliyun CLI profile source reads. */
export interface CliProfileOptions {
  /** The folder holding .aliyun/config.json. */
  readonly homeDir: string;
  /** The profile to use; otherwise ALIBABA_CLOUD_PROFILE, then the file's `current`. */
  readonly profile?: string | undefined;
  /** Environment variables (ALIBABA_CLOUD_PROFILE, ALIBABA_CLOUD_CLI_PROFILE_DISABLED). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

interface CliProfile {
  readonly name?: unknown;
  readonly mode?: unknown;
  readonly access_key_id?: unknown;
  readonly access_key_secret?: unknown;
}

/**
 * Credentials from the aliyun CLI's ~/.aliyun/config.json: AK profiles here, every other mode
 * (StsToken, RamRoleArn, EcsRamRole, OIDC, CloudSSO, ...) through the lazily loaded exchanges.
 */
export function cliProfileCredentials(options: CliProfileOptions): CredentialSource {
  const path = process.getBuiltinModule("node:path").join(options.homeDir, ".aliyun", "config.json");
  return {
    name: `aliyun CLI config ${path}`,
    async load() {
      if (options.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED === "true") {
        return { found: false, reason: "skipped (ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true)" };
      }
      const text = await readOptionalFile(path);
      if (text === undefined) return { found: false, reason: "not found" };
      let config: { current?: unknown; profiles?: unknown };
      try {
        config = JSON.parse(text) as typeof config;
      } catch {
        // JSON.parse messages quote the text around the fault, which may be a secret: never show them.
        throw new DmsCredentialsError("InvalidCredentialsFile", `${path} is not valid JSON; fix it or run \`aliyun configure\`.`);
      }
      const wanted = options.profile ?? (options.env.ALIBABA_CLOUD_PROFILE || undefined) ?? stringOr(config?.current, "default");
      const profiles: CliProfile[] = Array.isArray(config?.profiles) ? (config.profiles as CliProfile[]) : [];
      const profile = profiles.find((p) => p && p.name === wanted);
      if (!profile) {
        const names = profiles.map((p) => String(p?.name)).join(", ") || "none";
        return { found: false, reason: `no profile "${wanted}" (profiles: ${names})` };
      }
      const mode = stringOr(profile.mode, "");
      if (mode !== "" && mode !== "AK") {
        // Every other mode (StsToken, RamRoleArn, EcsRamRole, OIDC, ...) is handled by the exchanges,
        // which load only now: a program that signs with an AccessKey carries none of them.
        const credentials = await runExchange("profileCredentials", { profiles, name: wanted, path, env: options.env });
        return { found: true, credentials };
      }
      const accessKeyId = stringOr(profile.access_key_id, "");
      const accessKeySecret = stringOr(profile.access_key_secret, "");
      if (!accessKeyId || !accessKeySecret) {
        return { found: false, reason: `profile "${wanted}" has no access_key_id/access_key_secret` };
      }
      return {
        found: true,
        credentials: { accessKeyId, accessKeySecret, source: `aliyun CLI profile "${wanted}" (${path})` },
      };
    },
  };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

/** Reads a file, or returns undefined when it does not exist. node:fs loads on first use, not at import. */
export async function readOptionalFile(path: string): Promise<string | undefined> {
  try {
    return await process.getBuiltinModule("node:fs/promises").readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new DmsCredentialsError(
      "UnreadableCredentialsFile",
      `Cannot read ${path} (${code ?? "error"}); check its permissions.`,
    );
  }
}
