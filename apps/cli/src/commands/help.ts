import type { CommandSpec } from "./commandSpec.js";

/** `dmsflow help [command]`: the same text as `--help`. */
export const help: CommandSpec = {
  name: "help",
  summary: "Show help for dmsflow or one of its commands",
  group: "Other commands",
  usage: ["dmsflow help [<command>]", "dmsflow help call [<Action>]"],
  description: "Prints the help of dmsflow, or of one command (the same as 'dmsflow <command> --help').",
  flags: [],
  args: { min: 0, max: 2, name: "a command name", completes: "commands" },
  examples: ["dmsflow help resume", "dmsflow help call ResumeTaskFlowInstance"],
  load: async () => (await import("../handlers/help.js")).helpHandler,
};
