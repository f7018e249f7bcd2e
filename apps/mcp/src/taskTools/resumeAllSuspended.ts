import {
  DmsError,
  InstanceStatus,
  paginateListTaskFlowInstance,
  ResumeTaskFlowInstanceCommand,
  resumeSuspendedInstances,
} from "@dmsflow/core";
import { DRY_RUN_PROPERTY, objectSchema, type ToolDefinition } from "../tools/toolDefinition.js";
import { ToolError } from "../tools/toolError.js";
import { onlyKnown, optionalId, RUN_PROPERTIES, requiredId } from "./taskArguments.js";

const inputSchema = objectSchema({ DagId: RUN_PROPERTIES.DagId!, Tid: RUN_PROPERTIES.Tid!, dryRun: DRY_RUN_PROPERTY }, ["DagId"]);

/** The error of an unsettled instance as data: code and message, never the error object. */
function errorView(error: unknown): { code: string; message: string } | undefined {
  if (error === undefined) return undefined;
  if (error instanceof DmsError) return { code: error.code, message: error.message };
  return { code: "Error", message: error instanceof Error ? error.message : String(error) };
}

/**
 * resume_all_suspended: core's bulk resume over a task flow's suspended runs (rate-limited, then
 * reconciled). The budget must cover one resume per suspended run before it starts; the calls it
 * actually made are charged.
 */
export const resumeAllSuspended: ToolDefinition = {
  name: "resume_all_suspended",
  description:
    "Resumes every suspended run of a task flow (rate-limited, reconciled, each run reported as resumed, already running, declined or failed). Changes state: needs --allow-changes and a budget of one call per suspended run; dryRun lists them and shows the first signed request.",
  inputSchema,
  changesState: true,
  async run(args, session, signal) {
    onlyKnown(this.name, args, inputSchema);
    const flow = { DagId: requiredId(args, "DagId"), Tid: optionalId(args, "Tid") };
    const suspended: string[] = [];
    const listing = { ...flow, Status: InstanceStatus.suspended, PageSize: 100 };
    for await (const page of paginateListTaskFlowInstance(session.client(), listing, { signal })) {
      for (const run of page.DAGInstanceList?.DAGInstance ?? []) if (run.Id !== undefined) suspended.push(run.Id);
    }
    if (suspended.length === 0) return { suspended: 0, resumed: [], note: "No suspended runs: nothing to do." };
    if (args.dryRun === true) {
      const first = { ...flow, DagInstanceId: suspended[0]! };
      const request = await session.change(this.name, true, (client) =>
        client.send(ResumeTaskFlowInstanceCommand, first, { signal }),
      );
      return { wouldResume: suspended, firstRequest: request };
    }
    session.authorize(this.name, suspended.length);
    let result: Awaited<ReturnType<typeof resumeSuspendedInstances>>;
    try {
      result = await resumeSuspendedInstances(session.client(), { ...flow, signal });
    } catch (error) {
      // Calls may have been sent before it failed; the whole selection is charged, as a bound.
      session.charge(suspended.length);
      throw error;
    }
    session.charge(result.resumeCalls);
    if (result.aborted)
      throw new ToolError("Aborted", `Resuming was cancelled; ${result.pending.length} runs were left pending.`);
    return {
      resumed: result.resumed,
      alreadyRunning: result.alreadyRunning.map((r) => ({ id: r.id, ourAttemptMayHaveApplied: r.ourAttemptMayHaveApplied })),
      declined: result.declined.map((r) => ({ id: r.id, status: r.status })),
      failed: result.failed.map((r) => ({ id: r.id, error: errorView(r.error) })),
      resumeCalls: result.resumeCalls,
      changesLeft: session.changesLeft,
    };
  },
};
