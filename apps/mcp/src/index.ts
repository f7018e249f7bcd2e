/**
 * @dmsflow/mcp: an MCP server for Alibaba Cloud DMS task flows. One tool per API operation, derived
 * from @dmsflow/client's descriptors, plus task-level tools on @dmsflow/core; read-only unless
 * allowed, with dry runs and a per-session budget of changing calls. The `dmsflow-mcp` bin serves it.
 */
export { ArgumentError, DEFAULT_MAX_CHANGES, type McpArguments, parseArguments } from "./cli/parseArguments.js";
export { allTools, createMcpServer, type McpServerOptions } from "./server/createServer.js";
export type { DryRunResult } from "./server/dryRun.js";
export { type ChangePolicy, type ClientFactory, Session } from "./server/session.js";
export type { ToolAnswer, ToolErrorView } from "./server/toolResult.js";
export { explainRun, type NodeRunView, type RunExplanation } from "./taskTools/explainRun.js";
export type { RunView } from "./taskTools/runViews.js";
export type { JsonSchema } from "./tools/jsonSchema.js";
export type { ToolDefinition } from "./tools/toolDefinition.js";
export { ToolError } from "./tools/toolError.js";
