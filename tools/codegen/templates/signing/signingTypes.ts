/** The credentials a request is signed with (DmsCredentials in @dmsflow/core has this shape). */
export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** An STS token, sent and signed when present. */
  readonly securityToken?: string | undefined;
}

/** An RPC request as signing reads it (the template) and returns it (signed). */
export interface SignableRequest {
  /** GET or POST. */
  method: "GET" | "POST";
  /** Path and query, e.g. `/?DagId=1`; `/` in a template. */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body: empty, or a form. */
  body: string;
}
