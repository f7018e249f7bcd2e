/**
 * @dmsflow/core: the runtime for @dmsflow/client. This entry grows with the core issue; the
 * signing primitives are here first because the emulator verifies requests with them.
 */
export { byCodeUnit, canonicalQuery } from "./signing/canonicalQuery.js";
export { rpcEncode } from "./signing/rpcEncode.js";
export { signatureV1, stringToSignV1 } from "./signing/signV1.js";
export {
  authorizationV3,
  canonicalRequestV3,
  EMPTY_BODY_SHA256,
  isSignedHeaderV3,
  parseAuthorizationV3,
  signatureV3,
  V3_ALGORITHM,
  type V3Request,
} from "./signing/signV3.js";
