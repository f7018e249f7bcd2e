/** An admin request that cannot be served: the HTTP status, a code and what to do. */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
