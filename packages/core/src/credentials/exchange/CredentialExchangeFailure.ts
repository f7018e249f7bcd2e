/**
 * A failed credential exchange. The exchanges load lazily as a separate file, so they cannot throw
 * the main bundle's DmsCredentialsError (its class would be a second copy, failing `instanceof`):
 * runExchange turns this into one. The message never holds a secret, a token or a response body.
 */
export class CredentialExchangeFailure extends Error {
  override readonly name = "CredentialExchangeFailure";
  /** The DmsCredentialsError code it becomes. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
