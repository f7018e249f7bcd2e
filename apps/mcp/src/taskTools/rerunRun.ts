import { findTaskFlowInstance, InstanceStatus, ReRunTaskFlowInstanceCommand } from "@dmsflow/core";
import type { ToolDefinition } from "../tools/toolDefinition.js";
import { ToolError } from "../tools/toolError.js";
import { statusName } from "./runViews.js";
import { onlyKnown, runActionInput, runActionSchema } from "./taskArguments.js";

const RERUNNABLE: readonly number[] = [InstanceStatus.failed, InstanceStatus.succeeded, InstanceStatus.completed];
const FIND_MAX_PAGES = 20;

const inputSchema = runActionSchema("rerun");

/**
 * rerun_run: reruns a finished run once. A rerun starts new work, so it is never retried blindly:
 * the run's status is checked first, and one attempt is sent; when its outcome is unknown, the
 * answer says so and the agent checks (explain_run) before trying again.
 */
export const rerunRun: ToolDefinition = {
  name: "rerun_run",
  description:
    "Reruns a failed or finished run, after checking its status; sent once (never retried, since a rerun starts new work). Changes state: needs --allow-changes; dryRun shows the signed request.",
  inputSchema,
  changesState: true,
  async run(args, session, signal) {
    onlyKnown(this.name, args, inputSchema);
    const input = runActionInput(args);
    if (args.dryRun !== true) {
      session.authorize(this.name, 1);
      const run = await findTaskFlowInstance(session.client(), input, { signal, maxPages: FIND_MAX_PAGES });
      if (run === undefined) {
        throw new ToolError(
          "RunNotFound",
          `Run ${input.DagInstanceId} of task flow ${input.DagId} was not found; check the ids with list_problem_runs.`,
        );
      }
      if (run.Status === undefined || !RERUNNABLE.includes(run.Status)) {
        throw new ToolError(
          "RunNotRerunnable",
          `Run ${input.DagInstanceId} is ${statusName(run.Status)}; only a failed, succeeded or completed run can be rerun (resume_run resumes a suspended one).`,
        );
      }
    }
    return session.change(this.name, args.dryRun === true, async (client) => {
      const output = await client.send(ReRunTaskFlowInstanceCommand, input, {
        signal,
        retry: false,
        throwOnBusinessError: false,
      });
      return {
        rerunStarted: output.Success === true,
        runId: input.DagInstanceId,
        requestId: output.RequestId || undefined,
        errorCode: output.ErrorCode,
        errorMessage: output.ErrorMessage,
      };
    });
  },
};
