import type { DmsHooks } from "./DmsHooks.js";

/**
 * Hooks that describe each attempt, retry and outcome in one line each, secrets redacted; to stderr
 * unless given a writer. Pass them as DmsClient's `hooks`; opt-in, so programs that do not log do
 * not carry the formatting.
 */
export function debugHooks(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): DmsHooks {
  return {
    onRequest(event) {
      const { request } = event;
      const headers = Object.entries(request.headers)
        .map(([name, value]) => `${name}: ${value}`)
        .join("; ");
      const body = request.body ? ` body ${request.body}` : "";
      write(`[dmsflow] ${event.action} attempt ${event.attempt}: ${request.method} ${request.url} {${headers}}${body}`);
    },
    onResponse(event) {
      const id = event.requestId ? `, RequestId ${event.requestId}` : "";
      write(
        `[dmsflow] ${event.action} attempt ${event.attempt}: HTTP ${event.statusCode} in ${event.durationMs.toFixed(1)} ms${id}`,
      );
    },
    onRetry(event) {
      write(
        `[dmsflow] ${event.action} attempt ${event.attempt} failed (${event.error.code}); retrying in ${event.delayMs} ms: ${event.error.message}`,
      );
    },
    onComplete(event) {
      const attempts = `${event.attempts} attempt${event.attempts === 1 ? "" : "s"}`;
      const error = event.error as { code?: string; message?: string } | undefined;
      const outcome =
        event.error === undefined ? "succeeded" : `failed (${error?.code ?? "Error"}): ${error?.message ?? String(event.error)}`;
      write(`[dmsflow] ${event.action} ${outcome} after ${attempts} in ${event.durationMs.toFixed(1)} ms`);
    },
  };
}
