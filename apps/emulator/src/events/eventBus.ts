import type { NodeStatusEvent, RunStatusEvent } from "../engine/engineEvents.js";
import type { RequestHistoryEntry } from "../log/requestHistory.js";

/** An instance whose status changed, through an operation or the admin API. */
export interface InstanceStatusChange {
  readonly DagId: string;
  readonly DagInstanceId: string;
  /** The status before; null when it was set by the admin API without reading it first. */
  readonly from: number | null;
  readonly to: number;
  /** The operation (e.g. ResumeTaskFlowInstance) or `admin`. */
  readonly cause: string;
}

/** The whole state was replaced or emptied by the admin API (seed or reset). */
export interface StateReplaced {
  readonly cause: "seed" | "reset";
}

/**
 * Every kind of event and its data. A new kind (the engine's run and node status changes) is one
 * more member here; publishers and the SSE stream need nothing else.
 */
export interface EmulatorEventMap {
  request: RequestHistoryEntry;
  instanceStatus: InstanceStatusChange;
  stateReplaced: StateReplaced;
  /** A run executed by the engine changed status (after the commit). */
  runStatus: RunStatusEvent;
  /** A node of such a run changed status (after the commit). */
  nodeStatus: NodeStatusEvent;
}

/** One event as subscribers see it: a sequence number (from 1, per emulator), its kind, its time and data. */
export type EmulatorEvent = {
  [K in keyof EmulatorEventMap]: {
    readonly seq: number;
    readonly type: K;
    readonly time: string;
    readonly data: EmulatorEventMap[K];
  };
}[keyof EmulatorEventMap];

/** Receives events synchronously, in publishing order; must not throw (a throwing subscriber is dropped). */
export type EventSubscriber = (event: EmulatorEvent) => void;

/**
 * A small synchronous publish/subscribe bus for state changes. Publishing with no subscriber costs a
 * counter increment; each subscriber decides how much it buffers (see serveEvents).
 */
export class EventBus {
  private readonly subscribers = new Set<EventSubscriber>();
  private seq = 0;

  constructor(private readonly clock: () => number) {}

  /** How many subscribers listen now. */
  get size(): number {
    return this.subscribers.size;
  }

  /** Publishes an event to every subscriber. */
  publish<K extends keyof EmulatorEventMap>(type: K, data: EmulatorEventMap[K]): void {
    this.seq++;
    if (this.subscribers.size === 0) return;
    const event = { seq: this.seq, type, time: new Date(this.clock()).toISOString(), data } as EmulatorEvent;
    for (const subscriber of this.subscribers) {
      try {
        subscriber(event);
      } catch {
        // One broken subscriber must not stop the others or the publisher (a request in flight).
        this.subscribers.delete(subscriber);
      }
    }
  }

  /** Adds a subscriber; returns the function that removes it. */
  subscribe(subscriber: EventSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }
}
