import type { EmulatorContext } from "../emulatorContext.js";
import type { RequestHistoryEntry } from "../log/requestHistory.js";
import type { RequestOutcome } from "../log/requestLog.js";
import type { RequestContext } from "./requestContext.js";

/** How a request ended, as the listener saw it. */
export interface RequestEnd {
  /** The HTTP status answered (0: no answer). */
  readonly status: number;
  readonly isAdmin: boolean;
  /** For an unexpected failure (a bug): the error's message. */
  readonly error?: string | undefined;
  readonly outcome?: RequestOutcome | undefined;
}

const HISTORY_OUTCOME: Record<RequestOutcome, string> = { clientClosed: "ClientClosed", connectionLimit: "ConnectionLimit" };

/**
 * Records a finished request, once: the counters, the log line, and for API requests the history
 * and the event stream. Admin requests stay out of the history (polling it would fill it) and are
 * logged by path only: their bodies (seeds) hold secrets.
 */
export function recordRequest(ctx: EmulatorContext, rc: RequestContext, end: RequestEnd): void {
  const { status, outcome } = end;
  ctx.counters.requests++;
  if (outcome === "clientClosed") ctx.counters.clientClosed++;
  else ctx.counters.byStatus[String(status)] = (ctx.counters.byStatus[String(status)] ?? 0) + 1;
  const latencyMs = performance.now() - rc.startedAt;
  ctx.logger?.request({
    requestId: rc.requestId,
    method: rc.method,
    path: rc.pathname.length > 100 ? `${rc.pathname.slice(0, 100)}…` : rc.pathname,
    action: rc.action,
    accessKeyId: rc.accessKeyId,
    signature: rc.signature,
    status,
    code: rc.code,
    latencyMs,
    fault: rc.fault,
    error: end.error,
    outcome,
  });
  if (end.isAdmin) return;
  const entry: RequestHistoryEntry = {
    requestId: rc.requestId,
    time: new Date(ctx.clock()).toISOString(),
    method: rc.method,
    action: rc.action,
    accessKeyId: rc.accessKeyId,
    signature: rc.signature,
    ids: idsOf(rc),
    status,
    outcome: outcome ? HISTORY_OUTCOME[outcome] : (rc.code ?? (status === 0 ? "NoAnswer" : "Success")),
    latencyMs: Math.round(latencyMs * 1000) / 1000,
    fault: rc.fault,
  };
  ctx.history.add(entry);
  ctx.events.publish("request", entry);
}

/** The ID parameters of a request (names ending in Id, and Tid), as decoded: int64 as decimal text. */
function idsOf(rc: RequestContext): Record<string, string> {
  const ids: Record<string, string> = {};
  if (rc.values === undefined) return ids;
  for (const [name, value] of Object.entries(rc.values)) {
    if ((name.endsWith("Id") || name === "Tid") && (typeof value === "string" || typeof value === "number")) {
      ids[name] = String(value);
    }
  }
  return ids;
}
