import type { InstanceStatus } from "@dmsflow/client";

/** A run (task-flow instance) changed status; emitted once the change is committed. */
export interface RunStatusEvent {
  readonly kind: "run";
  readonly dagId: string;
  readonly instanceId: string;
  readonly status: InstanceStatus;
  /** Simulated epoch milliseconds of the change. */
  readonly atMs: number;
  readonly message: string;
}

/** A node run changed status; emitted once the change is committed. */
export interface NodeStatusEvent {
  readonly kind: "node";
  readonly dagId: string;
  readonly instanceId: string;
  readonly nodeId: string;
  readonly nodeName: string;
  readonly status: InstanceStatus;
  /** Which attempt of the node this is, from 1. */
  readonly attempt: number;
  readonly atMs: number;
  readonly message: string;
}

/** A state change of the engine, for listeners such as a server-sent events stream. */
export type EngineEvent = RunStatusEvent | NodeStatusEvent;

/** Receives engine events, after the change they describe is on disk. */
export type EngineListener = (event: EngineEvent) => void;
