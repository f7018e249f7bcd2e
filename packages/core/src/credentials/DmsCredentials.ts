/** An AccessKey pair, optionally with an STS security token and an expiry. */
export interface DmsCredentials {
  /** The AccessKey ID (not a secret, but dmsflow masks it in logs anyway). */
  readonly accessKeyId: string;
  /** The AccessKey secret: never logged, never in an error. */
  readonly accessKeySecret: string;
  /** The STS security token, for temporary credentials: never logged, never in an error. */
  readonly securityToken?: string | undefined;
  /** When temporary credentials stop working (Date, epoch ms or ISO text); refreshed before then. */
  readonly expiration?: Date | number | string | undefined;
}

/** Credentials and where they came from, as the default chain returns them. */
export interface ResolvedCredentials extends DmsCredentials {
  /** Where they were found, e.g. `environment` or `aliyun CLI profile "default"`. */
  readonly source: string;
}

/** An async function that returns credentials; called again shortly before `expiration`. */
export type DmsCredentialProvider = () => Promise<DmsCredentials>;

/** Any object with `getCredential()`, such as `new Credential()` from `@alicloud/credentials`. */
export interface CredentialModelSource {
  /** Returns the current credentials; the object refreshes them itself. */
  getCredential(): Promise<{
    readonly accessKeyId?: string | undefined;
    readonly accessKeySecret?: string | undefined;
    readonly securityToken?: string | undefined;
  }>;
}

/** What the `credentials` client option accepts. */
export type DmsCredentialsOption = DmsCredentials | DmsCredentialProvider | CredentialModelSource;

/** One place the default chain looks: returns credentials, or why there were none there. */
export interface CredentialSource {
  /** A short description for messages, e.g. `environment (ALIBABA_CLOUD_ACCESS_KEY_ID)`. */
  readonly name: string;
  /** Looks; throws DmsCredentialsError when the source is configured but unusable. */
  load(): Promise<CredentialLookup>;
}

/** The result of looking in one source. */
export type CredentialLookup =
  | { readonly found: true; readonly credentials: ResolvedCredentials }
  | { readonly found: false; readonly reason: string };

/** Where the default chain reads from: overridable for tests and the CLI. */
export interface CredentialChainOptions {
  /** Environment variables; defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** The home folder holding .aliyun/ and .alibabacloud/; defaults to os.homedir(). */
  readonly homeDir?: string | undefined;
  /** A profile name: the aliyun CLI profile and the credentials-file section. Skips the environment. */
  readonly profile?: string | undefined;
}
