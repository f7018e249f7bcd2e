import type { CredentialLookup, ResolvedCredentials } from "../DmsCredentials.js";
import { parseIni } from "../parseIni.js";
import { assumeRole } from "./assumeRole.js";
import { CredentialExchangeFailure } from "./CredentialExchangeFailure.js";
import { ecsRamRole } from "./ecsRamRole.js";
import { stsEndpoint } from "./stsEndpoint.js";

/** The text of ~/.alibabacloud/credentials and the section to use. */
export interface IniFileRequest {
  readonly text: string;
  readonly section: string;
  readonly path: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Reads the section of the credentials file: an access_key section directly, the other types by their exchange. */
export async function iniFileCredentials(request: IniFileRequest): Promise<CredentialLookup> {
  const { text, section, path, env } = request;
  const sections = parseIni(text);
  const values = sections.get(section);
  if (!values)
    return { found: false, reason: `no section [${section}] (sections: ${[...sections.keys()].join(", ") || "none"})` };
  const type = values.get("type") ?? "access_key";
  if (type !== "access_key") return { found: true, credentials: await iniSectionCredentials({ values, section, path, env }) };
  const accessKeyId = values.get("access_key_id");
  const accessKeySecret = values.get("access_key_secret");
  if (!accessKeyId || !accessKeySecret) {
    return { found: false, reason: `section [${section}] has no access_key_id/access_key_secret` };
  }
  return { found: true, credentials: { accessKeyId, accessKeySecret, source: `credentials file ${path} [${section}]` } };
}

/** A section of ~/.alibabacloud/credentials whose type is not access_key. */
export interface IniSectionRequest {
  readonly values: ReadonlyMap<string, string>;
  readonly section: string;
  readonly path: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The types of the credentials file that Alibaba's Node library reads: ecs_ram_role and ram_role_arn here. */
export async function iniSectionCredentials(request: IniSectionRequest): Promise<ResolvedCredentials> {
  const { values, section, path, env } = request;
  const type = values.get("type");
  const context = { where: `credentials file ${path} [${section}] (${type})`, env };
  const source = `${context.where.slice(0, -1)}, via ${type === "ecs_ram_role" ? "the ECS metadata service" : "STS"})`;
  if (type === "ecs_ram_role") return { ...(await ecsRamRole(values.get("role_name"), context)), source };
  if (type === "ram_role_arn") {
    const missing = ["access_key_id", "access_key_secret", "role_arn"].filter((key) => !values.get(key));
    if (missing.length > 0) {
      throw new CredentialExchangeFailure(
        "IncompleteCredentials",
        `${context.where} has no ${missing.join(", ")}; add ${missing.length === 1 ? "it" : "them"} to the section.`,
      );
    }
    const credentials = await assumeRole(
      { accessKeyId: values.get("access_key_id")!, accessKeySecret: values.get("access_key_secret")! },
      {
        roleArn: values.get("role_arn")!,
        sessionName: values.get("role_session_name"),
        policy: values.get("policy"),
        endpoint: stsEndpoint(env),
      },
      context,
    );
    return { ...credentials, source };
  }
  throw new CredentialExchangeFailure(
    "UnsupportedCredentialMode",
    `Section [${section}] of ${path} has type ${type}, which dmsflow does not support (supported: access_key, ecs_ram_role, ram_role_arn); ` +
      "use one of those, set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or pass credentials.",
  );
}
