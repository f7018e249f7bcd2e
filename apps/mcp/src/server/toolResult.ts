import { DmsParameterError } from "@dmsflow/client";
import { DmsError, REDACTED } from "@dmsflow/core";
import { ToolError } from "../tools/toolError.js";

/** An MCP tools/call answer: one JSON text block, flagged when it reports an error. */
export interface ToolAnswer {
  [key: string]: unknown;
  content: { type: "text"; text: string }[];
  isError?: boolean;
}

/** The error an answer carries, as data. */
export interface ToolErrorView {
  readonly code: string;
  readonly message: string;
  readonly parameter?: string | undefined;
  readonly requestId?: string | undefined;
  /** Set when a changing call may have applied although it failed: check before trying again. */
  readonly outcomeUnknown?: true | undefined;
}

/** A successful answer. ids are already exact strings (the client keeps int64 as text). */
export function okAnswer(result: unknown, secrets: readonly string[]): ToolAnswer {
  return { content: [{ type: "text", text: redact(JSON.stringify(result ?? null), secrets) }] };
}

/** An error answer: code and message for the agent, no stack trace. */
export function errorAnswer(error: unknown, secrets: readonly string[]): ToolAnswer {
  return { content: [{ type: "text", text: redact(JSON.stringify({ error: errorView(error) }), secrets) }], isError: true };
}

function errorView(error: unknown): ToolErrorView {
  if (error instanceof ToolError) return { code: error.code, message: error.message, parameter: error.parameter };
  if (error instanceof DmsParameterError) return { code: "InvalidParameter", message: error.message, parameter: error.parameter };
  if (error instanceof DmsError) {
    return {
      code: error.code,
      message: error.message,
      requestId: error.requestId,
      outcomeUnknown: (error.unknownOutcomeAttempts ?? 0) > 0 ? true : undefined,
    };
  }
  return { code: "InternalError", message: error instanceof Error ? error.message : String(error) };
}

// A last line of defence: core keeps secrets out of its errors; this masks any the server knows of.
function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  return out;
}
