import type { ServerResponse } from "node:http";
import type { EmulatorEvent, EventBus } from "./eventBus.js";

/** How an event stream keeps alive and how much it may hold for a slow reader. */
export interface EventStreamLimits {
  /** A comment line is sent this often, so proxies and clients see a live connection. */
  readonly heartbeatMs: number;
  /** A reader with more than this many bytes unsent (it reads slower than events come) is disconnected. */
  readonly maxBufferedBytes: number;
}

/** 15 s heartbeats; 1 MiB per reader. */
export const DEFAULT_EVENT_STREAM_LIMITS: EventStreamLimits = { heartbeatMs: 15_000, maxBufferedBytes: 1024 * 1024 };

/** One event in the text/event-stream format: its sequence number as the id, its kind as the event name. */
export function formatEvent(event: EmulatorEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Serves GET /_emulator/events: a server-sent events stream of every event published from now on
 * (no replay). Memory per reader is bounded: a reader that lets more than maxBufferedBytes pile up
 * is disconnected (it can reconnect and read /_emulator/requests for what it missed). The
 * subscription and the heartbeat end when the connection closes, whoever closes it.
 */
export function serveEvents(bus: EventBus, res: ServerResponse, limits: EventStreamLimits): void {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
  });
  res.write(": dmsflow-emulator events\n\n");
  const send = (text: string) => {
    if (res.destroyed) return;
    res.write(text);
    if (res.writableLength > limits.maxBufferedBytes) res.destroy();
  };
  const unsubscribe = bus.subscribe((event) => send(formatEvent(event)));
  const heartbeat = setInterval(() => send(": heartbeat\n\n"), limits.heartbeatMs);
  heartbeat.unref();
  res.once("close", () => {
    unsubscribe();
    clearInterval(heartbeat);
  });
}
