import { UsageError } from "../args/usageError.js";
import type { CommandHandler } from "../commands/commandSpec.js";
import { bashCompletion } from "../completion/bashCompletion.js";
import { buildCompletionModel, SHELLS } from "../completion/completionModel.js";
import { zshCompletion } from "../completion/zshCompletion.js";

/** `dmsflow completion bash|zsh`: the script, built from every command's spec. */
export const completionHandler: CommandHandler = {
  async run(ctx) {
    const shell = ctx.args.positionals[0]!;
    if (!(SHELLS as readonly string[]).includes(shell)) {
      throw new UsageError(`unsupported shell '${shell}'; dmsflow completion supports ${SHELLS.join(" and ")}.`);
    }
    const model = await buildCompletionModel(ctx.commands);
    return { kind: "document", text: shell === "bash" ? bashCompletion(model) : zshCompletion(model) };
  },
};
