import type { EmulatorContext } from "../emulatorContext.js";
import type { RequestHistoryEntry } from "../log/requestHistory.js";
import { AdminError } from "./adminError.js";

/** The most entries one call lists. */
const MAX_LIMIT = 10_000;

/**
 * GET /_emulator/requests[?limit=N&action=A&outcome=O]: the newest API requests first, at most
 * `limit` (default 100) of those with that action and outcome (`Success` or an error code).
 */
export function listRequests(ctx: EmulatorContext, query: Readonly<Record<string, string>>): { requests: RequestHistoryEntry[] } {
  const text = query.limit ?? "100";
  const limit = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) {
    throw new AdminError(
      400,
      "InvalidLimit",
      `limit must be a whole number from 1 to ${MAX_LIMIT}; got ${JSON.stringify(text)}.`,
    );
  }
  return { requests: ctx.history.list({ limit, action: query.action, outcome: query.outcome }) };
}
