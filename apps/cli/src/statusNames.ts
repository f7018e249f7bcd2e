import { UsageError } from "./args/usageError.js";

/** Instance status names by API code: 0 waiting ... 5 completed. */
export const STATUS_NAMES = ["waiting", "running", "suspended", "failed", "succeeded", "completed"] as const;

/** An instance status name as `--status` accepts it. */
export type StatusName = (typeof STATUS_NAMES)[number];

/** The name of an instance status code, or the code itself when the API sends one we do not know. */
export function statusName(code: number | undefined): string {
  if (code === undefined) return "";
  return STATUS_NAMES[code] ?? String(code);
}

/** Reads `--status`: a name (`suspended`) or its code (`2`). */
export function parseStatus(flag: string, text: string): number {
  const lower = text.toLowerCase();
  const byName = STATUS_NAMES.indexOf(lower as StatusName);
  if (byName !== -1) return byName;
  if (/^[0-5]$/.test(text)) return Number(text);
  throw new UsageError(`--${flag} must be one of ${STATUS_NAMES.join(", ")} (or 0-5); got ${JSON.stringify(text)}.`);
}

/** Task-flow (definition) status names by API code, as ListTaskFlow reports them. */
export const TASK_FLOW_STATUS_NAMES = ["invalid", "unscheduled", "scheduled"] as const;
