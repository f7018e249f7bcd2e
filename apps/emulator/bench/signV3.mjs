// A lean V3 (ACS3-HMAC-SHA256) signer for the load generator: the same algorithm as @dmsflow/core,
// inlined so the bench needs no build of the sibling packages.
import { createHash, createHmac, randomBytes } from "node:crypto";

const EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const SIGNED = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
let counter = 0;
const prefix = randomBytes(8).toString("hex");

/** Returns the path and headers of a signed POST with the parameters in the query (ASCII values only). */
export function signedRequest(host, keyId, secret, action, params) {
  const names = Object.keys(params).sort();
  const query = names.map((n) => `${n}=${params[n]}`).join("&");
  const date = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const nonce = `${prefix}${(counter++).toString(16)}`;
  const canonical = `POST\n/\n${query}\nhost:${host}\nx-acs-action:${action}\nx-acs-content-sha256:${EMPTY}\nx-acs-date:${date}\nx-acs-signature-nonce:${nonce}\nx-acs-version:2018-11-01\n\n${SIGNED}\n${EMPTY}`;
  const hashed = createHash("sha256").update(canonical).digest("hex");
  const signature = createHmac("sha256", secret).update(`ACS3-HMAC-SHA256\n${hashed}`).digest("hex");
  return {
    path: `/?${query}`,
    headers: {
      host,
      "x-acs-action": action,
      "x-acs-version": "2018-11-01",
      "x-acs-date": date,
      "x-acs-signature-nonce": nonce,
      "x-acs-content-sha256": EMPTY,
      authorization: `ACS3-HMAC-SHA256 Credential=${keyId},SignedHeaders=${SIGNED},Signature=${signature}`,
      "content-length": "0",
    },
  };
}
