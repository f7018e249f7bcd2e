import { type DAGInstance, InstanceStatus, paginateListTaskFlowInstance } from "@dmsflow/client";
import { objectSchema, type ToolDefinition } from "../tools/toolDefinition.js";
import { ToolError } from "../tools/toolError.js";
import { runView } from "./runViews.js";
import { boundedInteger, onlyKnown, optionalId, RUN_PROPERTIES, requiredId } from "./taskArguments.js";

// The statuses a run needs an operator in; the tool's choices are their spec names, or both.
const STATES = { suspended: InstanceStatus.suspended, failed: InstanceStatus.failed } as const;
const CHOICES: readonly string[] = [...Object.keys(STATES), "both"];
const DATE = "^\\d{4}-\\d{2}-\\d{2}$";

const inputSchema = objectSchema(
  {
    DagId: RUN_PROPERTIES.DagId!,
    Tid: RUN_PROPERTIES.Tid!,
    status: {
      type: "string",
      enum: CHOICES,
      description: `Which runs: ${Object.keys(STATES).join(", ")}, or both (default both).`,
    },
    since: { type: "string", pattern: DATE, description: "Only runs started on or after this date (yyyy-MM-dd)." },
    until: { type: "string", pattern: DATE, description: "Only runs started on or before this date (yyyy-MM-dd)." },
    limit: { type: "integer", minimum: 1, maximum: 200, description: "The most runs to return, newest first (default 20)." },
  },
  ["DagId"],
);

/** list_problem_runs: the suspended and/or failed runs of a task flow, newest first. */
export const listProblemRuns: ToolDefinition = {
  name: "list_problem_runs",
  description: "Lists the suspended and/or failed runs of a task flow, newest first, with status, times and message. Read-only.",
  inputSchema,
  changesState: false,
  async run(args, session, signal) {
    onlyKnown(this.name, args, inputSchema);
    const which = args.status ?? "both";
    if (typeof which !== "string" || !CHOICES.includes(which)) {
      throw new ToolError(
        "InvalidParameter",
        `status must be one of ${CHOICES.join(", ")} (got ${JSON.stringify(which)}).`,
        "status",
      );
    }
    const limit = boundedInteger(args, "limit", 1, 200, 20);
    const input = {
      DagId: requiredId(args, "DagId"),
      Tid: optionalId(args, "Tid"),
      StartTimeBegin: typeof args.since === "string" ? args.since : undefined,
      StartTimeEnd: typeof args.until === "string" ? args.until : undefined,
    };
    const runs: DAGInstance[] = [];
    let total = 0;
    for (const status of which === "both" ? Object.values(STATES) : [STATES[which as keyof typeof STATES]]) {
      let seen = 0;
      for await (const page of paginateListTaskFlowInstance(session.client(), { ...input, Status: status }, { signal })) {
        const items = page.DAGInstanceList?.DAGInstance ?? [];
        if (seen === 0) total += page.TotalCount ?? 0;
        seen += items.length;
        runs.push(...items);
        // The newest `limit` of both statuses are among the first `limit` of each.
        if (items.length === 0 || seen >= limit) break;
      }
    }
    runs.sort((a, b) => (b.startTime ?? "").localeCompare(a.startTime ?? "") || compareIds(b.Id, a.Id));
    const shown = runs.slice(0, limit);
    return {
      runs: shown.map(runView),
      total: Math.max(total, runs.length),
      truncated: Math.max(total, runs.length) > shown.length,
    };
  },
};

function compareIds(a: string | undefined, b: string | undefined): number {
  const x = BigInt(a ?? "0");
  const y = BigInt(b ?? "0");
  return x < y ? -1 : x > y ? 1 : 0;
}
