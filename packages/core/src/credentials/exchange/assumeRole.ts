import { randomUUID } from "node:crypto";
import { rpcEncode, signatureV1 } from "@dmsflow/client/signing";
import type { DmsCredentials } from "../DmsCredentials.js";
import { CredentialExchangeFailure } from "./CredentialExchangeFailure.js";
import type { ExchangeContext, ExchangedCredentials } from "./ExchangeContext.js";
import { credentialsFrom, type ExchangeRequest, originOf, parseJson, sendExchangeRequest } from "./requestJson.js";

/** What to ask STS for: the role and the session. */
export interface RoleRequest {
  readonly roleArn: string;
  /** Default: ALIBABA_CLOUD_ROLE_SESSION_NAME, else `dmsflow-<epoch ms>`. */
  readonly sessionName?: string | undefined;
  /** 900 to the role's maximum; default 3600. */
  readonly durationSeconds?: number | undefined;
  readonly externalId?: string | undefined;
  readonly policy?: string | undefined;
  /** The STS origin, from stsEndpoint(). */
  readonly endpoint: string;
}

/** STS AssumeRole, an RPC call signed with V1 HMAC-SHA1 by the source credentials. */
export function assumeRole(source: DmsCredentials, role: RoleRequest, context: ExchangeContext): Promise<ExchangedCredentials> {
  const params: Record<string, string> = {
    ...commonParams("AssumeRole"),
    AccessKeyId: source.accessKeyId,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: randomUUID(),
    ...roleParams(role, context),
  };
  if (source.securityToken) params.SecurityToken = source.securityToken;
  if (role.externalId) params.ExternalId = role.externalId;
  params.Signature = signatureV1(source.accessKeySecret, "POST", params);
  return callSts(
    params,
    role,
    context,
    "check that the source AccessKey may call sts:AssumeRole on the role and that the role's trust policy names its account",
  );
}

/** STS AssumeRoleWithOIDC: anonymous, the OIDC token (from RRSA's token file) is the proof. */
export function assumeRoleWithOidc(
  oidc: { readonly providerArn: string; readonly token: string },
  role: RoleRequest,
  context: ExchangeContext,
): Promise<ExchangedCredentials> {
  const params: Record<string, string> = {
    ...commonParams("AssumeRoleWithOIDC"),
    OIDCProviderArn: oidc.providerArn,
    OIDCToken: oidc.token,
    ...roleParams(role, context),
  };
  return callSts(params, role, context, "check the role's trust policy for the OIDC provider and that the token file is current");
}

function commonParams(action: string): Record<string, string> {
  return {
    Action: action,
    Version: "2015-04-01",
    Format: "JSON",
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}

function roleParams(role: RoleRequest, context: ExchangeContext): Record<string, string> {
  const duration = role.durationSeconds ?? 3600;
  if (!(Number.isInteger(duration) && duration >= 900)) {
    throw new CredentialExchangeFailure(
      "InvalidCredentialSettings",
      `${context.where}: the session duration must be a whole number of seconds, at least 900; got ${String(duration)}.`,
    );
  }
  const params: Record<string, string> = {
    RoleArn: role.roleArn,
    RoleSessionName: role.sessionName || context.env.ALIBABA_CLOUD_ROLE_SESSION_NAME || `dmsflow-${Date.now()}`,
    DurationSeconds: String(duration),
  };
  if (role.policy) params.Policy = role.policy;
  return params;
}

async function callSts(
  params: Record<string, string>,
  role: RoleRequest,
  context: ExchangeContext,
  advice: string,
): Promise<ExchangedCredentials> {
  const request: ExchangeRequest = {
    url: `${role.endpoint}/`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: Object.entries(params)
      .map(([key, value]) => `${rpcEncode(key)}=${rpcEncode(value)}`)
      .join("&"),
    what: `STS ${params.Action}`,
  };
  const response = await sendExchangeRequest(request, context);
  const body = parseJson(response, request, context);
  if (response.status !== 200) {
    // STS messages can quote the string to sign, which holds the security token: show the code only.
    const code = typeof body.Code === "string" ? body.Code : "an unknown error";
    const requestId = typeof body.RequestId === "string" ? ` (request id ${body.RequestId})` : "";
    throw new CredentialExchangeFailure(
      "CredentialExchangeRefused",
      `${context.where}: ${request.what} for ${role.roleArn} at ${originOf(role.endpoint)} answered HTTP ${response.status} ${code}${requestId}; ${advice}.`,
    );
  }
  return credentialsFrom(body.Credentials, request, context);
}
