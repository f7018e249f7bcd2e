// Follows the emulator: the server-sent event stream when the emulator has one, else polling.
// Engine events are {kind: "run" | "node", dagId, instanceId, [nodeId,] status, ...}; request history
// entries carry an action and an HTTP status. A page subscribes to events and registers a refresh that
// runs only while there is no stream (and the tab is visible).

/** How the page follows the emulator. */
export class Live {
  constructor(eventsPath, onMode) {
    this.mode = "connecting";
    this.listeners = new Set();
    this.onMode = onMode;
    this.start(eventsPath);
  }

  start(eventsPath) {
    if (typeof EventSource !== "function") return this.setMode("polling");
    const source = new EventSource(eventsPath, { withCredentials: true });
    let opened = false;
    source.onopen = () => {
      opened = true;
      this.setMode("stream");
    };
    const receive = (e) => this.receive(e.data, e.type);
    source.onmessage = receive;
    for (const type of ["run", "node", "request", "state"]) source.addEventListener(type, receive);
    source.onerror = () => {
      // No stream here (404 before S's endpoint, 401/403) or it ended: poll instead. A stream that was
      // open and drops reconnects by itself; until it does, polling keeps the page current.
      if (source.readyState === EventSource.CLOSED || !opened) {
        source.close();
        this.setMode("polling");
      } else this.setMode("reconnecting");
    };
  }

  setMode(mode) {
    this.mode = mode;
    this.onMode?.(mode);
  }

  receive(text, type) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      return;
    }
    for (const event of Array.isArray(data) ? data : [data]) {
      const kind =
        event.kind === "run" || event.kind === "node"
          ? event.kind
          : event.kind === "request" || type === "request" || ("status" in event && "action" in event)
            ? "request"
            : undefined;
      if (kind) for (const listener of this.listeners) listener(kind, event.entry ?? event);
    }
  }

  /** Calls listener(kind, event) for each event of the stream; returns the unsubscribe function. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs refresh `ms` after the previous one ended, while there is no stream; returns the stop function. */
  pollWithoutStream(ms, refresh) {
    let stopped = false;
    let timer;
    const tick = async () => {
      if (this.mode !== "stream" && !document.hidden) {
        try {
          await refresh();
        } catch {
          // The next tick tries again; the page shows the last state it read.
        }
      }
      if (!stopped) timer = setTimeout(tick, ms);
    };
    timer = setTimeout(tick, ms);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }
}
