import { createSecretKey, type KeyObject } from "node:crypto";
import type { SigningCredentials } from "./signingTypes.js";

const v3Keys = new WeakMap<SigningCredentials, KeyObject>();
const v1Keys = new WeakMap<SigningCredentials, KeyObject>();

/**
 * The HMAC key for a credentials object, imported once and reused: createHmac with a ready
 * KeyObject skips importing the secret on every call. V3 keys with the secret, V1 with secret + "&".
 */
export function hmacKey(credentials: SigningCredentials, version: "v3" | "v1"): KeyObject {
  const cache = version === "v3" ? v3Keys : v1Keys;
  let key = cache.get(credentials);
  if (key === undefined) {
    key = createSecretKey(
      Buffer.from(version === "v3" ? credentials.accessKeySecret : `${credentials.accessKeySecret}&`, "utf8"),
    );
    cache.set(credentials, key);
  }
  return key;
}
