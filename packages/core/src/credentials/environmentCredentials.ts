import { DmsCredentialsError } from "../errors/localErrors.js";
import type { CredentialSource } from "./DmsCredentials.js";

const ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
const SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
const TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

/** Credentials from ALIBABA_CLOUD_ACCESS_KEY_ID, ..._SECRET and (optional) ..._SECURITY_TOKEN. */
export function environmentCredentials(env: Readonly<Record<string, string | undefined>>): CredentialSource {
  return {
    name: `environment (${ID})`,
    async load() {
      const accessKeyId = env[ID];
      const accessKeySecret = env[SECRET];
      if (!accessKeyId && !accessKeySecret) return { found: false, reason: "not set" };
      if (!accessKeyId || !accessKeySecret) {
        const [set, missing] = accessKeyId ? [ID, SECRET] : [SECRET, ID];
        throw new DmsCredentialsError("IncompleteCredentials", `${set} is set but ${missing} is not; set both or neither.`);
      }
      const securityToken = env[TOKEN] || undefined;
      return { found: true, credentials: { accessKeyId, accessKeySecret, securityToken, source: "environment" } };
    },
  };
}
