/**
 * @dmsflow/client/signing: V3 and V1 request signing and the RPC percent-encoding, shared by
 * @dmsflow/core (which signs) and @dmsflow/emulator (which verifies). Generated from the codegen's
 * templates like the rest of ./generated (never edit it). Node only: it uses node:crypto.
 */
export * from "./generated/signing/index.js";
