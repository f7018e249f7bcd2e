import type { Session } from "../server/session.js";
import type { JsonSchema } from "./jsonSchema.js";

/** One MCP tool: what tools/list shows, and what tools/call runs. */
export interface ToolDefinition {
  /** The tool name: the action name for an API operation, snake_case for a task-level tool. */
  readonly name: string;
  readonly description: string;
  /** A JSON Schema of type object. */
  readonly inputSchema: JsonSchema;
  /** Whether it may change state (then it takes dryRun and needs --allow-changes to send). */
  readonly changesState: boolean;
  /** Runs the tool; the result becomes the tool's JSON answer. Throws ToolError or a DmsError. */
  run(args: Readonly<Record<string, unknown>>, session: Session, signal: AbortSignal): Promise<unknown>;
}

/** The dryRun argument every changing tool takes. */
export const DRY_RUN_PROPERTY: JsonSchema = {
  type: "boolean",
  description:
    "Sign the request and return it (method, URL, headers, body; secrets redacted) without sending it. Allowed in read-only mode.",
};

/** An object schema with the given properties and required names. */
export function objectSchema(properties: Record<string, JsonSchema>, required: readonly string[] = []): JsonSchema {
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}
