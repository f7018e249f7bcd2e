import type { OperationDescriptor } from "@dmsflow/client";
import { signRequestV1, signRequestV3 } from "@dmsflow/client/signing";
import type { DmsCredentials } from "../credentials/DmsCredentials.js";
import type { DmsHttpRequest } from "../http/DmsHttpMessage.js";
import { bodyParametersOf } from "./bodyParameters.js";

/** Which signature a client sends: V3 ACS3-HMAC-SHA256 (default) or V1 RPC HMAC-SHA1. */
export type DmsSignatureVersion = "v3" | "v1";

/**
 * How DmsClient signs each attempt (DmsClient's `signer` option): `signerV3` by default, or
 * `signerV1`. Each is its own constant so that a program carries only the signer it uses.
 */
export interface DmsSigner {
  /** The signature version, shown as `client.signatureVersion`. */
  readonly version: DmsSignatureVersion;
  /** Returns a signed copy of the request, with a fresh nonce and timestamp; throws URIError on a lone surrogate. */
  readonly sign: (
    request: DmsHttpRequest,
    params: Readonly<Record<string, string>>,
    credentials: DmsCredentials,
    operation: Pick<OperationDescriptor, "action" | "version" | "parameters">,
  ) => DmsHttpRequest;
}

/** V3 (ACS3-HMAC-SHA256) in the query and headers, as the official SDK 3.x sends it: the default. */
export const signerV3: DmsSigner = {
  version: "v3",
  sign: (request, params, credentials, operation) => {
    const body = bodyParametersOf(operation, params);
    if (body === undefined) return signRequestV3(request, params, credentials);
    const query = { ...params };
    for (const name in body) delete query[name];
    return signRequestV3(request, query, credentials, body);
  },
};

/**
 * V1 (RPC HMAC-SHA1) as a POST form or GET query, as pop-core and the aliyun CLI send it. An
 * operation with body parameters is always POSTed, so they travel in the form.
 */
export const signerV1: DmsSigner = {
  version: "v1",
  sign: (request, params, credentials, operation) => {
    const post = request.method === "GET" && bodyParametersOf(operation, params) !== undefined;
    return signRequestV1(
      post ? { ...request, method: "POST" } : request,
      params,
      credentials,
      operation.action,
      operation.version,
    );
  },
};
