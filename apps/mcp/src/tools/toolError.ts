/**
 * A refusal or failure a tool reports to the agent: a code to branch on, a message that says what
 * was wrong and what to do, and the parameter it concerns, if any. Never carries a secret.
 */
export class ToolError extends Error {
  override readonly name = "ToolError";

  /**
   * @param code a stable identifier, e.g. `ChangesNotAllowed` or an API error code.
   * @param message what was wrong and what to do.
   * @param parameter the tool argument at fault, if one is.
   */
  constructor(
    readonly code: string,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}
