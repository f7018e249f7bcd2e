import { describeTaskFlowRun } from "@dmsflow/core";
import { objectSchema, type ToolDefinition } from "../tools/toolDefinition.js";
import { explainRun } from "./explainRun.js";
import { onlyKnown, optionalId, RUN_PROPERTIES, requiredId } from "./taskArguments.js";

const inputSchema = objectSchema(RUN_PROPERTIES, ["DagId", "DagInstanceId"]);

/** explain_run: a run's graph and node states, the failed nodes first with their messages. */
export const explainRunTool: ToolDefinition = {
  name: "explain_run",
  description:
    "Explains a run (task-flow instance): its status, the failed node(s) first with their messages, then every node in dependency order with its state (GetTaskFlowGraph + GetTaskInstanceRelation). Read-only.",
  inputSchema,
  changesState: false,
  async run(args, session, signal) {
    onlyKnown(this.name, args, inputSchema);
    const DagId = requiredId(args, "DagId");
    const DagInstanceId = requiredId(args, "DagInstanceId");
    const Tid = optionalId(args, "Tid");
    return explainRun(await describeTaskFlowRun(session.client(), { DagId, DagInstanceId, Tid }, { signal }));
  },
};
