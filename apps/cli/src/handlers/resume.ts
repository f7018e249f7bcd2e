import type { CommandHandler } from "../commands/commandSpec.js";
import { type InstanceAction, runInstanceAction } from "./instanceAction.js";

const RESUME: InstanceAction = { command: "resume", action: "ResumeTaskFlowInstance", done: "Resumed", takesDagVersion: true };

/** `dmsflow resume`: one instance, or (--all-suspended) every suspended one through the bulk resume. */
export const resumeHandler: CommandHandler = {
  async run(ctx) {
    const { flags } = ctx;
    if (!flags.has("all-suspended")) return runInstanceAction(ctx, RESUME);
    const { resumeAll } = await import("../bulk/resumeAll.js");
    return resumeAll(ctx, {
      dagId: flags.requiredString("dag-id"),
      tid: flags.string("tid"),
      dagVersion: flags.string("dag-version"),
      concurrency: flags.requiredNumber("concurrency"),
      maxRate: flags.requiredNumber("max-rate"),
    });
  },
};
