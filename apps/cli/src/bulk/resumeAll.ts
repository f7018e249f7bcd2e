import type { ResumeSuspendedInstancesResult } from "@dmsflow/core";
import type { CommandContext } from "../commands/command.js";
import { ExitCode } from "../exitCodes.js";
import { formatSeconds, ProgressBar } from "../output/progressBar.js";
import { sanitize } from "../output/sanitize.js";

/** What `resume --all-suspended` was asked to do. */
export interface ResumeAllRequest {
  readonly dagId: string;
  readonly tid: string | undefined;
  readonly dagVersion: string | undefined;
  readonly concurrency: number;
  readonly maxRate: number;
}

/**
 * Resumes every suspended instance of a task flow with core's resumeSuspendedInstances: a progress
 * bar on a terminal's stderr, then a summary in the chosen format. Exit 0 when nothing failed, 5 when
 * some instances failed (the others are resumed; running it again retries only what is still
 * suspended), 130 when Ctrl-C stopped it.
 */
export async function resumeAll(ctx: CommandContext, request: ResumeAllRequest): Promise<number> {
  const { resumeSuspendedInstances } = await import("@dmsflow/core");
  const client = await ctx.client();
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
      DagId: request.dagId,
      Tid: request.tid,
      DagVersion: request.dagVersion,
      concurrency: request.concurrency,
      maxRate: request.maxRate,
      signal: io.signal,
      onProgress(event) {
        if (event.outcome === "resumed") counts.succeeded++;
        else if (event.outcome === "skipped") counts.skipped++;
        else counts.failed++;
        counts.done = event.done;
        counts.total = event.total;
        bar?.update(counts);
      },
    });
  } finally {
    bar?.clear();
  }
  printSummary(ctx, request, result, performance.now() - started);
  if (result.aborted) return ExitCode.Interrupted;
  return result.failed.length > 0 ? ExitCode.PartialFailure : ExitCode.Success;
}

interface FailureView {
  readonly DagInstanceId: string;
  readonly Code: string;
  readonly Message: string;
  readonly RequestId?: string;
}

function failureView(id: string, error: unknown): FailureView {
  const e = error as { code?: unknown; message?: unknown; requestId?: unknown; name?: unknown };
  const code = typeof e?.code === "string" ? e.code : typeof e?.name === "string" ? e.name : "Error";
  const message = typeof e?.message === "string" ? e.message : String(error);
  return {
    DagInstanceId: id,
    Code: code,
    Message: message,
    ...(typeof e?.requestId === "string" ? { RequestId: e.requestId } : {}),
  };
}

function printSummary(
  ctx: CommandContext,
  request: ResumeAllRequest,
  result: ResumeSuspendedInstancesResult,
  elapsedMs: number,
): void {
  const { out } = ctx;
  const failures = result.failed.map((f) => failureView(f.id, f.error));
  const total = result.resumed.length + result.skipped.length + result.failed.length + result.pending.length;
  if (out.format === "json") {
    out.json({
      DagId: request.dagId,
      Suspended: total,
      Resumed: result.resumed,
      Skipped: result.skipped.map((s) => ({ DagInstanceId: s.id, Status: s.status, Reason: s.reason })),
      Failed: failures,
      NotAttempted: result.pending,
      Interrupted: result.aborted,
    });
    return;
  }
  if (out.format === "text") {
    for (const id of result.resumed) out.textLine(["resumed", id]);
    for (const s of result.skipped) out.textLine(["skipped", s.id, s.reason]);
    for (const f of failures) out.textLine(["failed", f.DagInstanceId, f.Code, f.Message]);
    for (const id of result.pending) out.textLine(["not-attempted", id]);
    return;
  }
  const p = out.palette;
  if (total === 0 && !result.aborted) {
    out.write(`No suspended instances in task flow ${request.dagId}; nothing to resume.\n`);
    return;
  }
  const parts = [
    `${p.green(`Resumed ${result.resumed.length}`)} of ${total} suspended instance${total === 1 ? "" : "s"} of task flow ${request.dagId}`,
  ];
  if (result.skipped.length) parts.push(`${result.skipped.length} skipped (no longer suspended)`);
  if (result.failed.length) parts.push(p.red(`${result.failed.length} failed`));
  if (result.pending.length) parts.push(p.yellow(`${result.pending.length} not attempted`));
  out.write(`${parts.join(", ")} in ${formatSeconds(elapsedMs / 1000)}.\n`);
  if (failures.length) {
    out.write("\n");
    out.table(
      [{ header: "FAILED ID" }, { header: "ERROR" }],
      // Core's messages name their code already; anything else gets it in front.
      failures.map((f) => [f.DagInstanceId, sanitize(f.Message.includes(f.Code) ? f.Message : `${f.Code}: ${f.Message}`)]),
    );
  }
  if (result.aborted) {
    out.write("\nInterrupted. Run the same command again to resume the rest; instances already resumed are not touched again.\n");
  } else if (failures.length) {
    out.write("\nRun the same command again to retry the failed ones; instances already resumed are not touched again.\n");
  }
}
