import { renderCommandHelp, renderTopHelp } from "../help/renderHelp.js";
import type { CommandDefinition } from "./command.js";
import { requireCommand } from "./registry.js";

/** `dmsflow help [command]`: the same text as `--help`. */
export const help: CommandDefinition = {
  usage: ["dmsflow help [<command>]", "dmsflow help call [<Action>]"],
  description: "Prints the help of dmsflow, or of one command (the same as 'dmsflow <command> --help').",
  options: [],
  positionals: { min: 0, max: 2, name: "a command name" },
  examples: ["dmsflow help resume", "dmsflow help call ResumeTaskFlowInstance"],
  async run(ctx) {
    const name = ctx.args.positionals[0];
    if (name === undefined) {
      ctx.io.stdout.write(renderTopHelp());
      return 0;
    }
    const entry = requireCommand(name);
    const definition = await entry.load();
    const dynamic = await definition.dynamicHelp?.(ctx.args.positionals.slice(1));
    ctx.io.stdout.write(dynamic ?? renderCommandHelp(entry, definition));
    return 0;
  },
};
