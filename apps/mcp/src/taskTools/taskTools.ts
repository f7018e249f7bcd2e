import type { ToolDefinition } from "../tools/toolDefinition.js";
import { explainRunTool } from "./explainRunTool.js";
import { findTaskFlow } from "./findTaskFlow.js";
import { listProblemRuns } from "./listProblemRuns.js";
import { rerunRun } from "./rerunRun.js";
import { resumeAllSuspended } from "./resumeAllSuspended.js";
import { resumeRun } from "./resumeRun.js";
import { waitForRun } from "./waitForRun.js";

/** The hand-written task-level tools, on top of core. */
export const TASK_TOOLS: readonly ToolDefinition[] = [
  findTaskFlow,
  listProblemRuns,
  explainRunTool,
  waitForRun,
  resumeRun,
  rerunRun,
  resumeAllSuspended,
];
