import { enumKeyOf, paginateListTaskFlowsByPage, TaskFlowStatus } from "@dmsflow/client";
import { objectSchema, type ToolDefinition } from "../tools/toolDefinition.js";
import { ToolError } from "../tools/toolError.js";
import { statusName } from "./runViews.js";
import { boundedInteger, idProperty, onlyKnown, optionalId } from "./taskArguments.js";

const inputSchema = objectSchema(
  {
    name: { type: "string", minLength: 1, description: "The task flow's name, or part of it (case-insensitive)." },
    Tid: idProperty("The tenant; defaults to the caller's active tenant."),
    limit: { type: "integer", minimum: 1, maximum: 100, description: "The most flows to return (default 20)." },
  },
  ["name"],
);

/** find_task_flow: task flows whose name contains the text (ListTaskFlowsByPage's SearchKey), exact matches first. */
export const findTaskFlow: ToolDefinition = {
  name: "find_task_flow",
  description:
    "Finds task flows by name (exact matches first): id (the DagId the other tools take), name, scheduling status, latest run. Read-only.",
  inputSchema,
  changesState: false,
  async run(args, session, signal) {
    onlyKnown(this.name, args, inputSchema);
    const name = args.name;
    if (typeof name !== "string" || name.trim() === "") {
      throw new ToolError("MissingParameter", "name is required: give the task flow's name or part of it.", "name");
    }
    const limit = boundedInteger(args, "limit", 1, 100, 20);
    const wanted = name.trim().toLowerCase();
    const found = [];
    const input = { SearchKey: name.trim(), Tid: optionalId(args, "Tid"), PageSize: 100 };
    for await (const page of paginateListTaskFlowsByPage(session.client(), input, { signal })) {
      for (const flow of page.TaskFlowList?.TaskFlow ?? []) {
        // The service's search may be broader than a substring; keep what an agent asked for.
        if (flow.DagName?.toLowerCase().includes(wanted)) found.push(flow);
      }
    }
    found.sort((a, b) => Number(b.DagName?.toLowerCase() === wanted) - Number(a.DagName?.toLowerCase() === wanted));
    return {
      matches: found.slice(0, limit).map((flow) => ({
        dagId: flow.Id,
        name: flow.DagName,
        description: flow.Description || undefined,
        scheduling: flow.Status === undefined ? undefined : (enumKeyOf(TaskFlowStatus, flow.Status) ?? String(flow.Status)),
        latestRunStatus: statusName(flow.LatestInstanceStatus),
        latestRunTime: flow.LatestInstanceTime,
        owner: flow.DagOwnerNickName,
      })),
      total: found.length,
      truncated: found.length > limit,
    };
  },
};
