import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { TASK_TOOLS } from "../taskTools/taskTools.js";
import { operationTools } from "../tools/operationTools.js";
import type { ToolDefinition } from "../tools/toolDefinition.js";
import { ToolError } from "../tools/toolError.js";
import { type ChangePolicy, type ClientFactory, Session } from "./session.js";
import { errorAnswer, okAnswer } from "./toolResult.js";

/** Options of createMcpServer. */
export interface McpServerOptions extends ChangePolicy {
  /** Creates the session's API clients (the bin builds them from core's default chain). */
  readonly makeClient: ClientFactory;
  /** The server version it reports. */
  readonly version: string;
  /** Secret values to mask in every answer, should one ever reach it (the environment's AccessKey secret and token). */
  readonly secrets?: readonly string[] | undefined;
}

/** Every tool the server offers: one per API operation, then the task-level ones. */
export function allTools(): ToolDefinition[] {
  return [...operationTools(), ...TASK_TOOLS];
}

/**
 * An MCP server (one session) with every tool. Changing tools are listed in read-only mode too,
 * marked with readOnlyHint false, and refused when called (their dry runs are allowed).
 */
export function createMcpServer(options: McpServerOptions): { server: Server; session: Session } {
  const tools = allTools();
  const byName = new Map(tools.map((t) => [t.name, t]));
  const session = new Session(options, options.makeClient);
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
  const server = new Server(
    { name: "dmsflow-mcp", version: options.version },
    {
      capabilities: { tools: {} },
      instructions:
        "Alibaba Cloud DMS task flows. Start with find_task_flow, list_problem_runs and explain_run; ids are decimal strings. " +
        (options.allowChanges
          ? `Changes are enabled, at most ${options.maxChanges} changing calls this session; prefer dryRun first.`
          : "The server is read-only: changing tools answer ChangesNotAllowed, but their dryRun shows the signed request."),
    },
  );
  const listed = tools.map((t) => ({
    name: t.name,
    description: t.description,
    inputSchema: t.inputSchema as { type: "object" },
    annotations: { readOnlyHint: !t.changesState, openWorldHint: true },
  }));
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = byName.get(request.params.name);
    if (tool === undefined) {
      return errorAnswer(
        new ToolError("UnknownTool", `There is no tool ${request.params.name}; tools/list names them.`),
        secrets,
      );
    }
    try {
      return okAnswer(await tool.run(request.params.arguments ?? {}, session, extra.signal), secrets);
    } catch (error) {
      return errorAnswer(error, secrets);
    }
  });
  server.onclose = () => session.close();
  return { server, session };
}
