import { UsageError } from "./usageError.js";

const DAY_MS = 86_400_000;

/**
 * Reads a date flag (`--since`, `--until`) as the API wants it, `yyyy-MM-dd`. Accepts a calendar date,
 * `today`, `yesterday`, or `<n>d` for n days ago (UTC), so that scripts need no date arithmetic.
 */
export function parseDate(flag: string, text: string, now: Date = new Date()): string {
  const relative = /^(\d{1,5})d$/.exec(text);
  if (relative || text === "today" || text === "yesterday") {
    const days = relative ? Number(relative[1]) : text === "today" ? 0 : 1;
    return new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return text;
    throw new UsageError(`--${flag} is not a calendar date: ${JSON.stringify(text)}.`);
  }
  throw new UsageError(
    `--${flag} must be a date such as 2024-01-31, or today, yesterday, 7d (7 days ago); got ${JSON.stringify(text)}.`,
  );
}
