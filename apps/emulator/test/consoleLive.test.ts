import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: the console is plain browser JavaScript without declarations.
import { Live } from "../console/live.js";

// The console's stream follower with a stand-in EventSource: the browser's reconnect is what is
// under test, and the real browser tests cannot drop a stream on cue.
class StandInEventSource {
  static readonly CLOSED = 2;
  static last: StandInEventSource | undefined;
  readyState = 1;
  onopen: (() => void) | undefined;
  onerror: (() => void) | undefined;
  constructor() {
    StandInEventSource.last = this;
  }
  addEventListener(): void {}
  close(): void {
    this.readyState = StandInEventSource.CLOSED;
  }
}

const globals = globalThis as { EventSource?: unknown };
afterEach(() => {
  delete globals.EventSource;
});

describe("the console's Live", () => {
  it("asks the pages to reload when a dropped stream reopens (the server replays nothing)", () => {
    globals.EventSource = StandInEventSource;
    const modes: string[] = [];
    const live = new Live("/_emulator/events", (mode: string) => modes.push(mode));
    const seen: [string, unknown][] = [];
    live.subscribe((kind: string, data: unknown) => seen.push([kind, data]));
    const source = StandInEventSource.last!;
    source.onopen!();
    expect(seen).toEqual([]);
    source.readyState = 0; // CONNECTING: the browser reconnects by itself
    source.onerror!();
    source.readyState = 1;
    source.onopen!();
    expect(modes).toEqual(["stream", "reconnecting", "stream"]);
    expect(seen).toEqual([["state", { cause: "reconnected" }]]);
  });
});
