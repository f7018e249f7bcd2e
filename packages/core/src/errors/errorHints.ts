/**
 * What to do about the gateway and business codes users meet most; looked up by exact code, then
 * prefix. Worded without option names, so a library caller and a CLI user read them alike.
 */
const HINTS: Record<string, string> = {
  SignatureDoesNotMatch: "Check that the AccessKey secret belongs to the AccessKey ID.",
  IncompleteSignature: "Check that the AccessKey secret belongs to the AccessKey ID.",
  "InvalidAccessKeyId.NotFound": "Check the AccessKey ID; it does not exist (or belongs to another site).",
  "InvalidAccessKeyId.Inactive": "The AccessKey is disabled; enable it or use another one.",
  "Forbidden.AccessKeyDisabled": "The AccessKey is disabled; enable it or use another one.",
  "InvalidTimeStamp.Expired": "The local clock is more than 15 minutes off; synchronise it (NTP).",
  "InvalidTimeStamp.Format": "The request timestamp was malformed; report this as a dmsflow bug.",
  SignatureNonceUsed: "A nonce was reused; report this as a dmsflow bug.",
  "Forbidden.RAM": "Grant the RAM user the dms:<action> permission.",
  "InvalidApi.NotFound": "Check that the endpoint is a DMS Enterprise endpoint.",
  "InvalidAction.NotFound": "Check that the endpoint is a DMS Enterprise endpoint.",
  InvalidVersion: "Check that the endpoint is a DMS Enterprise (2018-11-01) endpoint.",
  "InvalidSecurityToken.Expired": "The STS token expired; refresh the credentials.",
  "InvalidSecurityToken.Malformed": "The STS token is malformed; check the credentials.",
  MissingParameter: "Pass the parameter the message names.",
  InvalidParameter: "Fix the parameter the message names.",
  Throttling: "Requests came too fast; slow down or allow more retry attempts.",
  ServiceUnavailable: "The service is temporarily unavailable; try again later.",
  InternalError: "The service failed; try again later and quote the RequestId if it persists.",
  TenantNotExist: "Check Tid (see GetUserActiveTenant / ListUserTenants).",
};

/** A one-sentence suggestion for a service or business error code, when there is one. */
export function hintFor(code: string, action: string): string | undefined {
  return (HINTS[code] ?? HINTS[code.split(".")[0]!])?.replace("<action>", action);
}
