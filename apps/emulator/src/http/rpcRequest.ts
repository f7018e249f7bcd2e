import type { IncomingHttpHeaders } from "node:http";
import type { RawParameters } from "./parseUrlEncoded.js";

/** An RPC request as the gateway checks it: decoded parameters, headers and the raw body. */
export interface RpcRequest {
  readonly method: string;
  /** The path as received (still percent-encoded), for the V3 canonical request. */
  readonly pathname: string;
  /** Parameters from the query string only (what V3 signs as CanonicalQueryString). */
  readonly query: RawParameters;
  /** Query and form-body parameters together (what V1 signs and what the action reads). */
  readonly params: RawParameters;
  /** Header names are lower case (Node's parser lower-cases them). */
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}
