import type { SuspendedInstances } from "@dmsflow/core";
import { ExitCode } from "../exitCodes.js";
import type { RecordResult } from "../output/commandResult.js";
import { sanitize } from "../output/sanitize.js";
import type { ResumeAllRequest } from "./resumeAllRequest.js";

/**
 * What `resume --dry-run` in bulk prints: the suspended instances the selection holds now (a
 * listing only; nothing was resumed), and the given IDs that are not suspended.
 */
export function dryRunResult(request: ResumeAllRequest, found: SuspendedInstances): RecordResult {
  const ids = found.instances.map((i) => i.Id!);
  return {
    kind: "record",
    json: { DagId: request.dagId, DryRun: true, WouldResume: ids, NotFound: found.notFound, ListCalls: found.listCalls },
    text: [...found.instances.map((i) => ["would-resume", i.Id, i.startTime]), ...found.notFound.map((id) => ["not-found", id])],
    human: (view) => {
      const count = `${ids.length} suspended instance${ids.length === 1 ? "" : "s"}`;
      let text = ids.length
        ? `Would resume ${count} of task flow ${request.dagId} (dry run: nothing was resumed):\n\n${view.table(
            [{ header: "ID" }, { header: "STARTED" }, { header: "VERSION" }],
            found.instances.map((i) => [i.Id ?? "", sanitize(i.startTime ?? ""), sanitize(i.DagVersion ?? "")]),
          )}`
        : `No selected suspended instances in task flow ${request.dagId}; a run would resume nothing.\n`;
      if (found.notFound.length) text += `Not suspended (would not be resumed): ${found.notFound.join(", ")}.\n`;
      return text;
    },
    exitCode: found.notFound.length ? ExitCode.PartialFailure : ExitCode.Success,
  };
}
