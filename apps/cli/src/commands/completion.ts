import { UsageError } from "../args/usageError.js";
import { bashCompletion } from "../completion/bashCompletion.js";
import { buildCompletionModel, SHELLS } from "../completion/completionModel.js";
import { zshCompletion } from "../completion/zshCompletion.js";
import type { CommandDefinition } from "./command.js";

/** `dmsflow completion bash|zsh`: prints a shell completion script. */
export const completion: CommandDefinition = {
  usage: ["dmsflow completion bash", "dmsflow completion zsh"],
  description:
    "Prints a completion script for bash or zsh to stdout. It completes commands, flags, the values of\n" +
    "--output, --status and --until, and the actions and parameters of 'dmsflow call'. Generate it again\n" +
    "after upgrading dmsflow.",
  options: [],
  positionals: { min: 1, max: 1, name: "a shell name: bash or zsh" },
  examples: [
    "# bash: install for your user",
    "dmsflow completion bash > ~/.local/share/bash-completion/completions/dmsflow",
    "# zsh: put it on your $fpath",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh syntax, printed as is.
    'dmsflow completion zsh > "${fpath[1]}/_dmsflow"',
  ],
  async run(ctx) {
    const shell = ctx.args.positionals[0]!;
    if (!(SHELLS as readonly string[]).includes(shell)) {
      throw new UsageError(`unsupported shell '${shell}'; dmsflow completion supports ${SHELLS.join(" and ")}.`);
    }
    const model = await buildCompletionModel();
    ctx.io.stdout.write(shell === "bash" ? bashCompletion(model) : zshCompletion(model));
    return 0;
  },
};
