import { type ActionName, type Command, operationDocs, operationTable } from "@dmsflow/client";
import { type JsonSchema, parameterSchema } from "./jsonSchema.js";
import { DRY_RUN_PROPERTY, objectSchema, type ToolDefinition } from "./toolDefinition.js";
import { operationInput } from "./wireArguments.js";

const CHANGES =
  " Changes state: sends only when the server runs with --allow-changes, within its budget; dryRun shows the signed request instead.";

/**
 * One tool per operation of the spec, derived from the generated operation table at start-up:
 * name, description (operationDocs), input schema (the parameter descriptors) and whether it changes
 * state (the descriptor's readOnly, from the spec). An operation added to the spec becomes a tool
 * when the client is regenerated, with no code here.
 */
export function operationTools(): ToolDefinition[] {
  return (Object.keys(operationTable) as ActionName[]).map((action) => operationTool(action));
}

function operationTool(action: ActionName): ToolDefinition {
  const command = operationTable[action] as Command<unknown, unknown>;
  const { operation } = command;
  const docs = operationDocs[action];
  const changesState = !operation.readOnly;
  const properties: Record<string, JsonSchema> = {};
  for (const p of operation.parameters) properties[p.name] = parameterSchema(p, docs.parameters[p.name] ?? "");
  if (changesState) properties.dryRun = DRY_RUN_PROPERTY;
  const required = operation.parameters.filter((p) => p.required).map((p) => p.name);
  return {
    name: action,
    description: `${docs.summary}${changesState ? CHANGES : " Read-only."} Calls the DMS API operation ${action}.`,
    inputSchema: objectSchema(properties, required),
    changesState,
    async run(args, session, signal) {
      const input = operationInput(operation, args, changesState ? ["dryRun"] : []);
      if (!changesState) return session.client().send(command, input, { signal });
      return session.change(action, args.dryRun === true, (client) => client.send(command, input, { signal }));
    },
  };
}
