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
 * Credentials from the INI file ~/.alibabacloud/credentials (or ALIBABA_CLOUD_CREDENTIALS_FILE): type
 * access_key here; ecs_ram_role and ram_role_arn through the lazily loaded exchanges.
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
      const sections = parseIni(text);
      const values = sections.get(section);
      if (!values) {
        return { found: false, reason: `no section [${section}] (sections: ${[...sections.keys()].join(", ") || "none"})` };
      }
      const type = values.get("type") ?? "access_key";
      if (type !== "access_key") {
        return {
          found: true,
          credentials: await runExchange("iniSectionCredentials", { values, section, path, env: options.env }),
        };
      }
      const accessKeyId = values.get("access_key_id");
      const accessKeySecret = values.get("access_key_secret");
      if (!accessKeyId || !accessKeySecret) {
        return { found: false, reason: `section [${section}] has no access_key_id/access_key_secret` };
      }
      return { found: true, credentials: { accessKeyId, accessKeySecret, source: `credentials file ${path} [${section}]` } };
    },
  };
}

/** Parses INI text: `[section]` headers, `key = value` lines, `#` and `;` comments. */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    if (line.startsWith("[") && line.endsWith("]")) {
      const name = line.slice(1, -1).trim();
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      continue;
    }
    const eq = line.indexOf("=");
    if (eq > 0 && current) current.set(line.slice(0, eq).trim(), unquote(line.slice(eq + 1).trim()));
  }
  return sections;
}

function unquote(value: string): string {
  const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]!);
  return quoted ? value.slice(1, -1) : value;
}
