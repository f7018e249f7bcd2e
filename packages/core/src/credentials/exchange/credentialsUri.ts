import { CredentialExchangeFailure } from "./CredentialExchangeFailure.js";
import type { ExchangeContext, ExchangedCredentials } from "./ExchangeContext.js";
import { credentialsFrom, type ExchangeRequest, originOf, parseJson, sendExchangeRequest } from "./requestJson.js";

/**
 * Credentials from a credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI, or a CredentialsURI profile's
 * `credentials_uri`): GET answers {Code?, AccessKeyId, AccessKeySecret, SecurityToken, Expiration}.
 */
export async function credentialsUri(uri: string, context: ExchangeContext): Promise<ExchangedCredentials> {
  if (!/^https?:\/\//.test(uri)) {
    throw new CredentialExchangeFailure(
      "InvalidCredentialSettings",
      `${context.where}: the credentials URI must be an http:// or https:// URL.`,
    );
  }
  const request: ExchangeRequest = { url: uri, what: "the credentials URI" };
  const response = await sendExchangeRequest(request, context);
  const body = response.status === 200 ? parseJson(response, request, context) : undefined;
  if (body === undefined || (body.Code !== undefined && body.Code !== "Success")) {
    throw new CredentialExchangeFailure(
      "CredentialExchangeRefused",
      `${context.where}: the credentials URI at ${originOf(uri)} answered HTTP ${response.status}${body ? ` Code ${String(body.Code)}` : ""}; check the credential service behind it.`,
    );
  }
  return credentialsFrom(body, request, context);
}
