import type { CommandSpec } from "./commandSpec.js";

/** `dmsflow completion bash|zsh`: prints a shell completion script. */
export const completion: CommandSpec = {
  name: "completion",
  summary: "Print a bash or zsh completion script",
  group: "Other commands",
  usage: ["dmsflow completion bash", "dmsflow completion zsh"],
  description:
    "Prints a completion script for bash or zsh to stdout. It completes commands, flags, the values of\n" +
    "--output, --status and --until, and the actions and parameters of 'dmsflow call'. Generate it again\n" +
    "after upgrading dmsflow.",
  flags: [],
  args: { min: 1, max: 1, name: "a shell name: bash or zsh", completes: "shells" },
  examples: [
    "# bash: install for your user",
    "dmsflow completion bash > ~/.local/share/bash-completion/completions/dmsflow",
    "# zsh: put it on your $fpath",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh syntax, printed as is.
    'dmsflow completion zsh > "${fpath[1]}/_dmsflow"',
  ],
  load: async () => (await import("../handlers/completion.js")).completionHandler,
};
