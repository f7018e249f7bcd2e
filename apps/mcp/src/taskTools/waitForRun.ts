import { DmsWaiterError, InstanceStatus, TERMINAL_STATUSES, waitForTaskFlowInstance, waitForTaskFlowNode } from "@dmsflow/core";
import { objectSchema, type ToolDefinition } from "../tools/toolDefinition.js";
import { ToolError } from "../tools/toolError.js";
import { nodeView } from "./explainRun.js";
import { runView, statusName } from "./runViews.js";
import { boundedInteger, idProperty, onlyKnown, optionalId, RUN_PROPERTIES, requiredId } from "./taskArguments.js";

/** The longest wait one call may take: an agent's turn should not hang on a tool. */
export const MAX_WAIT_SECONDS = 600;

const inputSchema = objectSchema(
  {
    ...RUN_PROPERTIES,
    until: {
      type: "array",
      items: { type: "string", enum: Object.keys(InstanceStatus) },
      description: "The statuses to wait for (default: any final one: failed, succeeded, completed).",
    },
    timeoutSeconds: {
      type: "integer",
      minimum: 1,
      maximum: MAX_WAIT_SECONDS,
      description: "Give up after this long (default 60).",
    },
    intervalSeconds: { type: "integer", minimum: 1, maximum: 60, description: "Time between checks (default 5)." },
    NodeId: idProperty("Wait for this node of the run instead of the whole run (from explain_run)."),
    nodeName: {
      type: "string",
      minLength: 1,
      description: "Wait for the node with this exact name instead of the whole run; instead of NodeId.",
    },
  },
  ["DagId", "DagInstanceId"],
);

/** wait_for_run: polls a run until it reaches a status, within a bounded time; a timeout is an answer, not an error. */
export const waitForRun: ToolDefinition = {
  name: "wait_for_run",
  description: `Waits (at most ${MAX_WAIT_SECONDS} s) until a run, or one of its nodes (NodeId or nodeName), reaches one of the given statuses, or any final status; answers its state, or timedOut with the last status seen. Read-only.`,
  inputSchema,
  changesState: false,
  async run(args, session, signal) {
    onlyKnown(this.name, args, inputSchema);
    const ref = {
      DagId: requiredId(args, "DagId"),
      DagInstanceId: requiredId(args, "DagInstanceId"),
      Tid: optionalId(args, "Tid"),
    };
    const until = untilStatuses(args.until);
    const timeoutSeconds = boundedInteger(args, "timeoutSeconds", 1, MAX_WAIT_SECONDS, 60);
    const intervalSeconds = boundedInteger(args, "intervalSeconds", 1, 60, 5);
    const nodeId = optionalId(args, "NodeId");
    const nodeName = typeof args.nodeName === "string" ? args.nodeName : undefined;
    if (nodeId !== undefined && nodeName !== undefined) {
      throw new ToolError("InvalidParameter", "Give NodeId or nodeName, not both.", "nodeName");
    }
    try {
      if (nodeId !== undefined || nodeName !== undefined) {
        const node = await waitForTaskFlowNode(session.client(), {
          ...ref,
          node: nodeId !== undefined ? { nodeId } : { name: nodeName! },
          until,
          timeoutMs: timeoutSeconds * 1000,
          intervalMs: intervalSeconds * 1000,
          signal,
        });
        return { reached: true, node: nodeView(node) };
      }
      const run = await waitForTaskFlowInstance(session.client(), {
        ...ref,
        until,
        timeoutMs: timeoutSeconds * 1000,
        intervalMs: intervalSeconds * 1000,
        signal,
      });
      return { reached: true, run: runView(run) };
    } catch (error) {
      if (!(error instanceof DmsWaiterError)) throw error;
      return {
        reached: false,
        timedOut: error.code === "WaiterTimeout",
        lastStatus: statusName(error.lastStatus),
        message: error.message,
      };
    }
  },
};

function untilStatuses(value: unknown): readonly number[] {
  if (value === undefined || value === null) return TERMINAL_STATUSES;
  const names = InstanceStatus as Record<string, number>;
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === "string" && Object.hasOwn(names, v))) {
    throw new ToolError(
      "InvalidParameter",
      `until must be a non-empty list of status names: ${Object.keys(names).join(", ")}.`,
      "until",
    );
  }
  return value.map((v: string) => names[v]!);
}
