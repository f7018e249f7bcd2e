import { CredentialExchangeFailure } from "./CredentialExchangeFailure.js";
import type { ExchangeContext, ExchangedCredentials } from "./ExchangeContext.js";
import { credentialsFrom, type ExchangeRequest, parseJson, sendExchangeRequest } from "./requestJson.js";

const CREDENTIALS_PATH = "/latest/meta-data/ram/security-credentials/";
// Alibaba's libraries allow the metadata service 1 s: it is a link-local address, and elsewhere
// nothing answers at all.
const METADATA_TIMEOUT_MS = 1_000;

/**
 * Credentials of the RAM role attached to this ECS instance, from the metadata service
 * (ALIBABA_CLOUD_IMDS_ENDPOINT, default http://100.100.100.200). Hardened mode (IMDSv2) first: a
 * session token from PUT /latest/api/token sent with every read; when that fails, plain reads
 * unless ALIBABA_CLOUD_IMDSV1_DISABLED=true. Without a role name the service names the role.
 */
export async function ecsRamRole(roleName: string | undefined, context: ExchangeContext): Promise<ExchangedCredentials> {
  const { env } = context;
  if (env.ALIBABA_CLOUD_ECS_METADATA_DISABLED?.toLowerCase() === "true") {
    throw new CredentialExchangeFailure(
      "CredentialModeDisabled",
      `${context.where}: the ECS metadata service is disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED=true; unset it or use another credential mode.`,
    );
  }
  const base = (env.ALIBABA_CLOUD_IMDS_ENDPOINT || "http://100.100.100.200").replace(/\/+$/, "");
  const token = await metadataToken(base, context);
  const headers: Record<string, string> = token === undefined ? {} : { "x-aliyun-ecs-metadata-token": token };
  const read = async (path: string, what: string) => {
    const request: ExchangeRequest = { url: `${base}${path}`, headers, timeoutMs: METADATA_TIMEOUT_MS, what };
    const response = await sendExchangeRequest(request, context);
    if (response.status !== 200) {
      throw new CredentialExchangeFailure(
        "CredentialExchangeRefused",
        `${context.where}: ${what} at ${base} answered HTTP ${response.status}; check that a RAM role is attached to this ECS instance${roleName ? ` and is named ${roleName}` : ""}.`,
      );
    }
    return { request, response };
  };
  const role = roleName || (await read(CREDENTIALS_PATH, "the ECS metadata service (role name)")).response.text.trim();
  const { request, response } = await read(
    `${CREDENTIALS_PATH}${encodeURIComponent(role)}`,
    `the ECS metadata service (role ${role})`,
  );
  const body = parseJson(response, request, context);
  if (body.Code !== undefined && body.Code !== "Success") {
    throw new CredentialExchangeFailure(
      "CredentialExchangeRefused",
      `${context.where}: ${request.what} at ${base} answered Code ${String(body.Code)}; check the role attached to this ECS instance.`,
    );
  }
  return credentialsFrom(body, request, context);
}

async function metadataToken(base: string, context: ExchangeContext): Promise<string | undefined> {
  const v1Disabled = context.env.ALIBABA_CLOUD_IMDSV1_DISABLED?.toLowerCase() === "true";
  const request: ExchangeRequest = {
    url: `${base}/latest/api/token`,
    method: "PUT",
    headers: { "x-aliyun-ecs-metadata-token-ttl-seconds": "21600" },
    timeoutMs: METADATA_TIMEOUT_MS,
    what: "the ECS metadata service (IMDSv2 token)",
  };
  try {
    const response = await sendExchangeRequest(request, context);
    if (response.status === 200 && response.text !== "") return response.text;
    if (v1Disabled) {
      throw new CredentialExchangeFailure(
        "CredentialExchangeRefused",
        `${context.where}: ${request.what} at ${base} answered HTTP ${response.status} and ALIBABA_CLOUD_IMDSV1_DISABLED=true forbids the plain mode; enable hardened mode on the instance or unset the variable.`,
      );
    }
  } catch (error) {
    if (v1Disabled) throw error;
  }
  return undefined;
}
