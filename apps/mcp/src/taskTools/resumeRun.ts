import { ResumeTaskFlowInstanceCommand } from "@dmsflow/core";
import type { ToolDefinition } from "../tools/toolDefinition.js";
import { onlyKnown, runActionInput, runActionSchema } from "./taskArguments.js";

const inputSchema = runActionSchema("resume");

/**
 * resume_run: core's safe resume. Retries are safe, and when an attempt's outcome was unknown and a
 * later one was declined, core looks the run up: `recovered` then says it is running without
 * proof that this call resumed it.
 */
export const resumeRun: ToolDefinition = {
  name: "resume_run",
  description:
    "Resumes a suspended run safely: retried without double effects, and after an ambiguous failure the run's state is checked (recovered says so). Changes state: needs --allow-changes; dryRun shows the signed request.",
  inputSchema,
  changesState: true,
  async run(args, session, signal) {
    onlyKnown(this.name, args, inputSchema);
    const input = runActionInput(args);
    return session.change(this.name, args.dryRun === true, async (client) => {
      // A dry run stops at signing: the plain command shows the request the safe resume sends first.
      if (args.dryRun === true) return client.send(ResumeTaskFlowInstanceCommand, input, { signal });
      const result = await client.resumeTaskFlowInstance(input, { signal, throwOnBusinessError: false });
      return {
        resumed: result.Success === true,
        runId: input.DagInstanceId,
        requestId: result.RequestId || undefined,
        errorCode: result.ErrorCode,
        errorMessage: result.ErrorMessage,
        recovered: result.recovered,
      };
    });
  },
};
