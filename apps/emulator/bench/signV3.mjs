// Signs the load generator's requests with the client's own V3 signer (one canonicalisation for
// the whole repository). Reads the built @dmsflow/client: `npm run bench` builds it first.
import { signRequestV3 } from "@dmsflow/client/signing";

const credentials = new Map();

/** Returns the path and headers of a signed POST with the parameters in the query. */
export function signedRequest(host, keyId, secret, action, params) {
  const key = `${keyId}\n${secret}`;
  // One object per key: the signer caches the imported HMAC key per credentials object.
  if (!credentials.has(key)) credentials.set(key, { accessKeyId: keyId, accessKeySecret: secret });
  const template = {
    method: "POST",
    path: "/",
    headers: { host, "x-acs-action": action, "x-acs-version": "2018-11-01", accept: "application/json", "user-agent": "bench" },
    body: "",
  };
  const signed = signRequestV3(template, params, credentials.get(key));
  return { path: signed.path, headers: { ...signed.headers, "content-length": "0" } };
}
