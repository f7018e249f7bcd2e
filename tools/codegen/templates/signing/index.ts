// The `@dmsflow/client/signing` entry: how requests are signed (V3 ACS3-HMAC-SHA256, V1 RPC
// HMAC-SHA1) and percent-encoded, for both ends: @dmsflow/core signs with it, the emulator verifies
// with it. Node only (node:crypto), so it stays out of the client's platform-neutral main entry.
export { byCodeUnit, canonicalQuery } from "./canonicalQuery.js";
export { rpcEncode } from "./rpcEncode.js";
export type { SignableRequest, SigningCredentials } from "./signingTypes.js";
export { signRequestV1 } from "./signRequestV1.js";
export { signRequestV3 } from "./signRequestV3.js";
export { signatureV1, stringToSignV1 } from "./signV1.js";
export {
  authorizationV3,
  canonicalRequestV3,
  canonicalV3,
  EMPTY_BODY_SHA256,
  isSignedHeaderV3,
  parseAuthorizationV3,
  type SignedHeaderNames,
  signatureV3,
  signedHeaderNamesV3,
  V3_ALGORITHM,
  type V3Request,
} from "./signV3.js";
