import { runExchange } from "../loadCredentialExchanges.js";
import { readOptionalFile } from "./cliProfileCredentials.js";
import type { CredentialSource } from "./DmsCredentials.js";

/** Where the credentials-file source reads. */
export interface CredentialsFileOptions {
  /** The folder holding .alibabacloud/credentials. */
  readonly homeDir: string;
  /** The section to use; otherwise ALIBABA_CLOUD_PROFILE, then `default`. */
  readonly profile?: string | undefined;
  /** Environment variables (ALIBABA_CLOUD_CREDENTIALS_FILE, ALIBABA_CLOUD_PROFILE). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Credentials from the INI file ~/.alibabacloud/credentials (or ALIBABA_CLOUD_CREDENTIALS_FILE): its
 * access_key, ecs_ram_role and ram_role_arn sections, read by the lazily loaded exchanges.
 */
export function credentialsFileCredentials(options: CredentialsFileOptions): CredentialSource {
  const path =
    options.env.ALIBABA_CLOUD_CREDENTIALS_FILE ||
    process.getBuiltinModule("node:path").join(options.homeDir, ".alibabacloud", "credentials");
  return {
    name: `credentials file ${path}`,
    async load() {
      const text = await readOptionalFile(path);
      if (text === undefined) return { found: false, reason: "not found" };
      const section = options.profile ?? (options.env.ALIBABA_CLOUD_PROFILE || undefined) ?? "default";
      // Parsed by the lazily loaded exchanges: a program whose credentials come from the environment
      // (the common case, and the bundle budget's) carries no INI parser.
      return runExchange("iniFileCredentials", { text, section, path, env: options.env });
    },
  };
}
