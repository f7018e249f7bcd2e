/** Task-flow instance status codes, as the API reports them (reference §3). */
export const InstanceStatus = {
  WAITING: 0,
  RUNNING: 1,
  SUSPENDED: 2,
  FAILED: 3,
  SUCCEEDED: 4,
  COMPLETED: 5,
} as const;

/** One of the instance status codes 0 to 5. */
export type InstanceStatusCode = (typeof InstanceStatus)[keyof typeof InstanceStatus];

const NAMES = ["waiting to be scheduled", "running", "suspended", "failed", "succeeded", "completed"] as const;

/** The status as words, for error messages: `suspended (status 2)`. */
export function describeStatus(status: number): string {
  return `${NAMES[status] ?? "in an unknown state"} (status ${status})`;
}
