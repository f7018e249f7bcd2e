import { CredentialExchangeFailure } from "./CredentialExchangeFailure.js";
import type { ExchangeContext, ExchangedCredentials } from "./ExchangeContext.js";
import { credentialsFrom, type ExchangeRequest, originOf, parseJson, sendExchangeRequest } from "./requestJson.js";

/** A CloudSSO profile's fields, as `aliyun configure --mode CloudSSO` writes them after signing in. */
export interface CloudSsoSettings {
  readonly signInUrl: string;
  readonly accountId: string;
  readonly accessConfig: string;
  readonly accessToken: string;
  /** When the access token expires, in epoch seconds. */
  readonly accessTokenExpire: number;
}

/**
 * Exchanges the CloudSSO access token that the aliyun CLI stored at sign-in for STS credentials of
 * the chosen account and access configuration (POST <sign-in origin>/cloud-credentials). Signing in
 * again needs a browser, so an expired token is an error that says to run the aliyun CLI.
 */
export async function cloudSso(
  settings: CloudSsoSettings,
  profile: string,
  context: ExchangeContext,
): Promise<ExchangedCredentials> {
  const relogin = `run \`aliyun configure --mode CloudSSO --profile ${profile}\` to sign in again`;
  if (!settings.accessToken || !(settings.accessTokenExpire * 1000 > Date.now())) {
    throw new CredentialExchangeFailure("CredentialsExpired", `${context.where}: the CloudSSO sign-in has expired; ${relogin}.`);
  }
  if (!settings.signInUrl || !settings.accountId || !settings.accessConfig) {
    throw new CredentialExchangeFailure(
      "IncompleteCredentials",
      `${context.where}: cloud_sso_sign_in_url, cloud_sso_account_id and cloud_sso_access_config must all be set; ${relogin}.`,
    );
  }
  const request: ExchangeRequest = {
    url: `${originOf(settings.signInUrl)}/cloud-credentials`,
    method: "POST",
    headers: {
      accept: "application/json",
      "content-type": "application/json",
      authorization: `Bearer ${settings.accessToken}`,
    },
    body: JSON.stringify({ AccountId: settings.accountId, AccessConfigurationId: settings.accessConfig }),
    what: "CloudSSO",
  };
  const response = await sendExchangeRequest(request, context);
  const body = parseJson(response, request, context);
  if (response.status !== 200) {
    const code = typeof body.ErrorCode === "string" ? body.ErrorCode : typeof body.Code === "string" ? body.Code : "an error";
    throw new CredentialExchangeFailure(
      "CredentialExchangeRefused",
      `${context.where}: CloudSSO at ${originOf(settings.signInUrl)} answered HTTP ${response.status} ${code}; ${relogin}, and check the account and access configuration.`,
    );
  }
  return credentialsFrom(body.CloudCredential, request, context);
}
