/** A mistake on the command line; the message is one line that names the problem and the fix. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
