/** Where an exchange's settings came from, for messages: e.g. `aliyun CLI profile "dev" (RamRoleArn)`. */
export interface ExchangeContext {
  /** The profile or variables, with the mode, as messages name them. */
  readonly where: string;
  /** Environment variables (endpoint overrides, session names). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Temporary credentials as an exchange returns them. */
export interface ExchangedCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
  /** ISO text, as the services answer it; undefined for long-lived keys (External AK mode). */
  readonly expiration?: string | undefined;
}
