import { isDmsError, listSuspendedInstances, type ResumeElsewhere, type ResumeSuspendedInstancesResult } from "@dmsflow/core";
import type { CommandContext } from "../commands/commandSpec.js";
import { ExitCode } from "../exitCodes.js";
import type { HumanView, RecordResult, TextFields } from "../output/commandResult.js";
import { formatSeconds, ProgressBar } from "../output/progressBar.js";
import { sanitize } from "../output/sanitize.js";
import { statusName } from "../statusNames.js";
import type { ResumeAllRequest } from "./resumeAllRequest.js";

/**
 * Resumes every suspended instance of a task flow with core's resumeSuspendedInstances (which lists
 * again and retries what is still suspended): a progress bar on a terminal's stderr, then a summary
 * by category. Exit 0 when every selected instance ends running, 5 when some are declined (another
 * status) or still suspended, 130 when Ctrl-C stopped it.
 */
export async function resumeAll(ctx: CommandContext, request: ResumeAllRequest): Promise<RecordResult> {
  const { resumeSuspendedInstances } = await import("@dmsflow/core");
  const client = await ctx.client();
  const selection = {
    DagId: request.dagId,
    Tid: request.tid,
    instanceIds: request.instanceIds,
    startTimeBegin: request.since,
    startTimeEnd: request.until,
    signal: ctx.io.signal,
  };
  if (ctx.global.dryRun) {
    const { dryRunResult } = await import("./resumeAllDryRun.js");
    return dryRunResult(request, await listSuspendedInstances(client, selection));
  }
  const { out, io } = ctx;
  // Debug lines would tear the bar apart, and a dry run never gets that far.
  const bar =
    io.stderr.isTTY && !ctx.global.debug && !ctx.global.dryRun
      ? new ProgressBar(io.stderr, out.errPalette, "Resuming")
      : undefined;
  bar?.message(`Listing the suspended instances of task flow ${request.dagId}…`);
  const counts = { succeeded: 0, skipped: 0, failed: 0, done: 0, total: 0 };
  const started = performance.now();
  let result: ResumeSuspendedInstancesResult;
  try {
    result = await resumeSuspendedInstances(client, {
      ...selection,
      DagVersion: request.dagVersion,
      concurrency: request.concurrency,
      maxRate: request.maxRate,
      onProgress(event) {
        if (event.outcome === "resumed") counts.succeeded++;
        else if (event.outcome === "failed") counts.failed++;
        else counts.skipped++;
        counts.done = event.done;
        counts.total = event.total;
        bar?.update(counts);
      },
    });
  } finally {
    bar?.clear();
  }
  const elapsedMs = performance.now() - started;
  const failures = result.failed.map((f) => failureView(f.id, f.error));
  return {
    kind: "record",
    json: summaryJson(request, result, failures),
    text: summaryText(result, failures),
    human: (view) => summaryForPeople(view, request, result, failures, elapsedMs),
    exitCode: result.aborted
      ? ExitCode.Interrupted
      : result.failed.length > 0 || result.declined.length > 0 || result.notFound.length > 0
        ? ExitCode.PartialFailure
        : ExitCode.Success,
  };
}

interface FailureView {
  readonly DagInstanceId: string;
  readonly Code: string;
  readonly Message: string;
  readonly RequestId?: string;
}

function failureView(id: string, error: unknown): FailureView {
  if (isDmsError(error)) {
    return {
      DagInstanceId: id,
      Code: error.code,
      Message: error.message,
      ...(error.requestId === undefined ? {} : { RequestId: error.requestId }),
    };
  }
  // Not core's: a bug, shown by its class so it can be reported.
  return {
    DagInstanceId: id,
    Code: error instanceof Error ? error.constructor.name : "Error",
    Message: error instanceof Error ? error.message : String(error),
  };
}

function elsewhereView(entry: ResumeElsewhere) {
  const e = entry.error as { code?: unknown } | undefined;
  return {
    DagInstanceId: entry.id,
    Status: entry.status,
    StatusName: statusName(entry.status),
    OurAttemptMayHaveApplied: entry.ourAttemptMayHaveApplied,
    ...(typeof e?.code === "string" ? { Code: e.code } : {}),
  };
}

const AMBIGUOUS = "an attempt of ours may have applied";

const totalOf = (result: ResumeSuspendedInstancesResult) =>
  result.resumed.length + result.alreadyRunning.length + result.declined.length + result.failed.length + result.pending.length;

function summaryJson(request: ResumeAllRequest, result: ResumeSuspendedInstancesResult, failures: readonly FailureView[]) {
  return {
    DagId: request.dagId,
    Suspended: totalOf(result),
    Resumed: result.resumed,
    AlreadyRunning: result.alreadyRunning.map(elsewhereView),
    Declined: result.declined.map(elsewhereView),
    Failed: failures,
    NotAttempted: result.pending,
    NotFound: result.notFound,
    Interrupted: result.aborted,
    Rounds: result.rounds,
    ResumeCalls: result.resumeCalls,
    ListCalls: result.listCalls,
  };
}

function summaryText(result: ResumeSuspendedInstancesResult, failures: readonly FailureView[]): TextFields[] {
  return [
    ...result.resumed.map((id) => ["resumed", id]),
    ...result.alreadyRunning.map((e) => ["already-running", e.id, e.ourAttemptMayHaveApplied ? AMBIGUOUS : ""]),
    ...result.declined.map((e) => ["declined", e.id, statusName(e.status)]),
    ...failures.map((f) => ["failed", f.DagInstanceId, f.Code, f.Message]),
    ...result.pending.map((id) => ["not-attempted", id]),
    ...result.notFound.map((id) => ["not-found", id]),
  ];
}

function summaryForPeople(
  view: HumanView,
  request: ResumeAllRequest,
  result: ResumeSuspendedInstancesResult,
  failures: readonly FailureView[],
  elapsedMs: number,
): string {
  const p = view.palette;
  const total = totalOf(result);
  const notFound = result.notFound.length
    ? `${p.yellow(`${result.notFound.length} given ID${result.notFound.length === 1 ? " is" : "s are"} not suspended in task flow ${request.dagId}`)} (another status, or another task flow's): ${result.notFound.join(", ")}.\n`
    : "";
  if (total === 0 && !result.aborted)
    return `${notFound}No suspended instances in task flow ${request.dagId}${request.instanceIds || request.since || request.until ? " match" : ""}; nothing to resume.\n`;
  const parts = [
    `${p.green(`Resumed ${result.resumed.length}`)} of ${total} suspended instance${total === 1 ? "" : "s"} of task flow ${request.dagId}`,
  ];
  const ambiguous = result.alreadyRunning.filter((e) => e.ourAttemptMayHaveApplied).length;
  if (result.alreadyRunning.length) {
    parts.push(
      `${result.alreadyRunning.length} already running${ambiguous ? ` (${ambiguous} of them: an answer was lost, ${AMBIGUOUS})` : ""}`,
    );
  }
  if (result.declined.length) parts.push(p.yellow(`${result.declined.length} declined (no longer suspended, not running)`));
  if (result.failed.length) parts.push(p.red(`${result.failed.length} still suspended`));
  if (result.pending.length) parts.push(p.yellow(`${result.pending.length} not attempted`));
  let text = `${parts.join(", ")} in ${formatSeconds(elapsedMs / 1000)}.\n${notFound}`;
  if (result.declined.length) {
    text += `\n${view.table(
      [{ header: "DECLINED ID" }, { header: "STATUS" }],
      result.declined.map((e) => [e.id, statusName(e.status)]),
    )}`;
  }
  if (failures.length) {
    text += `\n${view.table(
      [{ header: "FAILED ID" }, { header: "ERROR" }],
      // Core's messages name their code already; anything else gets it in front.
      failures.map((f) => [f.DagInstanceId, sanitize(f.Message.includes(f.Code) ? f.Message : `${f.Code}: ${f.Message}`)]),
    )}`;
  }
  if (result.aborted) {
    text += "\nInterrupted. Run the same command again to resume the rest; instances already resumed are not touched again.\n";
  } else if (failures.length) {
    text += `\nThese stayed suspended after ${result.rounds} rounds. Run the same command again to retry them; instances already resumed are not touched again.\n`;
  }
  return text;
}
