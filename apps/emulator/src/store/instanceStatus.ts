import { type InstanceStatus, InstanceStatusDescriptions } from "@dmsflow/client";

/** The status as words, for error messages: `suspended (status 2)`. */
export function describeStatus(status: number): string {
  return `${InstanceStatusDescriptions[status as InstanceStatus] ?? "in an unknown state"} (status ${status})`;
}
