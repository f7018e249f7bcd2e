import type { ActionName } from "@dmsflow/client";
import { type ResolvedOption, resolveOptions } from "../args/optionSpec.js";
import type { CommandSpec } from "../commands/commandSpec.js";
import { GLOBAL_OPTIONS } from "../globalOptions.js";
import { firstSentence } from "../help/firstSentence.js";

/** A command as completion scripts see it. */
export interface CompletedCommand {
  readonly name: string;
  readonly summary: string;
  readonly options: readonly ResolvedOption[];
  /** What its positional argument completes to. */
  readonly positional: NonNullable<CommandSpec["args"]>["completes"] | "none";
}

/** An API operation as `call` completes it. */
export interface CompletedAction {
  readonly name: string;
  readonly summary: string;
  readonly parameters: ReadonlyArray<{ readonly name: string; readonly type: string; readonly description: string }>;
}

/** Everything a completion script embeds: commands, their flags, global flags, the API's actions. */
export interface CompletionModel {
  readonly commands: readonly CompletedCommand[];
  readonly globals: readonly ResolvedOption[];
  readonly actions: readonly CompletedAction[];
  /** The shells `dmsflow completion` supports. */
  readonly shells: readonly string[];
}

/** The shells `dmsflow completion` writes scripts for. */
export const SHELLS = ["bash", "zsh"] as const;

/**
 * Builds the model from the commands' specs and the generated operation table, so the scripts
 * follow new commands, flags and API operations without edits.
 */
export async function buildCompletionModel(specs: readonly CommandSpec[]): Promise<CompletionModel> {
  const { operationTable, operationDocs } = await import("@dmsflow/client");
  const commands = await Promise.all(
    specs.map(async (c) => ({
      name: c.name,
      summary: c.summary,
      options: await resolveOptions(c.flags),
      positional: c.args?.completes ?? ("none" as const),
    })),
  );
  const actions = (Object.keys(operationTable) as ActionName[]).map((action) => {
    const { operation } = operationTable[action];
    const docs = operationDocs[action];
    return {
      name: action,
      summary: docs.summary,
      parameters: operation.parameters.map((p) => ({
        name: p.name,
        type: p.wireType,
        description: firstSentence(docs.parameters[p.name] ?? ""),
      })),
    };
  });
  return { commands, globals: GLOBAL_OPTIONS, actions, shells: SHELLS };
}
