import { enumKeyOf, InstanceStatus, InstanceTriggerType, TaskFlowStatus } from "@dmsflow/client";
import { UsageError } from "./args/usageError.js";

// The names come from the spec's enumerations (x-enum-varnames), generated into @dmsflow/client.

/** Instance status names in code order (0 waiting ... 5 completed), as `--status` accepts them. */
export const STATUS_NAMES = Object.keys(InstanceStatus) as readonly (keyof typeof InstanceStatus)[];

/** An instance status name as `--status` accepts it. */
export type StatusName = keyof typeof InstanceStatus;

/** The name of an instance status code, or the code itself when the API sends one we do not know. */
export function statusName(code: number | undefined): string {
  if (code === undefined) return "";
  return enumKeyOf(InstanceStatus, code) ?? String(code);
}

/** The name of a run's trigger type code (scheduled, manual), or the code itself when unknown. */
export function triggerName(code: number | undefined): string {
  if (code === undefined) return "";
  return enumKeyOf(InstanceTriggerType, code) ?? String(code);
}

/** The name of a task-flow (definition) status code, or the code itself when unknown. */
export function taskFlowStatusName(code: number | undefined): string {
  if (code === undefined) return "";
  return enumKeyOf(TaskFlowStatus, code) ?? String(code);
}

/** Reads `--status`: a name (`suspended`) or its code (`2`). */
export function parseStatus(flag: string, text: string): InstanceStatus {
  const lower = text.toLowerCase();
  if (Object.hasOwn(InstanceStatus, lower)) return InstanceStatus[lower as StatusName];
  const codes = Object.values(InstanceStatus) as number[];
  if (/^\d$/.test(text) && codes.includes(Number(text))) return Number(text) as InstanceStatus;
  throw new UsageError(
    `--${flag} must be one of ${STATUS_NAMES.join(", ")} (or ${codes[0]}-${codes.at(-1)}); got ${JSON.stringify(text)}.`,
  );
}
