import { isDmsError } from "@dmsflow/core";
import { isExpectedError } from "./errorExitCode.js";
import { messageInFlags } from "./flagHints.js";
import type { Palette } from "./output/color.js";
import { sanitize } from "./output/sanitize.js";
import { redactKnownSecrets } from "./redact.js";

/**
 * The one line printed for an error that ended a command. Errors dmsflow expects (usage, API,
 * credentials, network) print their message; anything else is a bug, and prints its stack only
 * with --debug. Secrets from the environment are masked even if some message were to carry one.
 */
export function formatError(
  error: unknown,
  palette: Palette,
  debug: boolean,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const expected = isExpectedError(error);
  let message: string;
  if (error instanceof Error) {
    message = oneLine(isDmsError(error) ? messageInFlags(error) : error.message) || error.name;
    const requestId = (error as { requestId?: unknown }).requestId;
    if (typeof requestId === "string" && requestId && !message.includes(requestId)) message += ` (RequestId ${requestId})`;
    if (!expected) {
      message = `unexpected ${error.name}: ${message}`;
      message += debug && error.stack ? `\n${error.stack}` : " (run again with --debug for details)";
    }
  } else {
    message = `unexpected failure: ${oneLine(String(error))}`;
  }
  return `${palette.red("error:")} ${redactKnownSecrets(message, env)}\n`;
}

// A service's message is text from outside: escape sequences and bidi controls are shown, not obeyed.
function oneLine(text: string): string {
  return sanitize(text.replace(/\s*\n\s*/g, " ").trim());
}
