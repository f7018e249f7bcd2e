import { type DAGInstance, enumKeyOf, InstanceStatus } from "@dmsflow/client";

/** The longest message a result carries; a node's log tail can be long, an agent needs its start. */
export const MAX_MESSAGE_CHARS = 500;

/** A status code as the spec names it (`suspended` for 2), or the code as text when the spec does not list it. */
export function statusName(code: number | undefined): string | undefined {
  if (code === undefined) return undefined;
  return enumKeyOf(InstanceStatus, code) ?? String(code);
}

/** A message cut to MAX_MESSAGE_CHARS, saying so when it was cut. */
export function shortMessage(message: string | undefined): string | undefined {
  if (message === undefined || message === "") return undefined;
  return message.length <= MAX_MESSAGE_CHARS ? message : `${message.slice(0, MAX_MESSAGE_CHARS)}… (${message.length} characters)`;
}

/** What an agent needs to know about one run (task-flow instance); ids as exact strings. */
export interface RunView {
  readonly id: string | undefined;
  readonly dagId: string | undefined;
  readonly status: string | undefined;
  readonly dagVersion?: string | undefined;
  readonly businessTime?: string | undefined;
  readonly startTime?: string | undefined;
  readonly endTime?: string | undefined;
  readonly message?: string | undefined;
}

/** A run as RunView. */
export function runView(instance: DAGInstance): RunView {
  return {
    id: instance.Id,
    dagId: instance.DagId,
    status: statusName(instance.Status),
    dagVersion: instance.DagVersion,
    businessTime: instance.BusinessTime,
    startTime: instance.startTime,
    endTime: instance.EndTime,
    message: shortMessage(instance.Message),
  };
}
