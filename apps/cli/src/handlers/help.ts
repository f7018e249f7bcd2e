import type { CommandHandler } from "../commands/commandSpec.js";
import { findCommand } from "../commands/findCommand.js";
import { commandHelp, renderTopHelp } from "../help/renderHelp.js";

/** `dmsflow help [command]`: the same text as `--help`. */
export const helpHandler: CommandHandler = {
  async run(ctx) {
    const name = ctx.args.positionals[0];
    if (name === undefined) return { kind: "document", text: renderTopHelp(ctx.commands) };
    const spec = findCommand(ctx.commands, name);
    return { kind: "document", text: await commandHelp(spec, ctx.args.positionals.slice(1)) };
  },
};
