// Follows the emulator: its server-sent event stream (GET /_emulator/events), else polling.
// Each event is {seq, type, time, data} (apps/emulator/src/events/eventBus.ts), sent under its type's
// name: runStatus and nodeStatus (the engine's {kind, dagId, instanceId, [nodeId,] status, ...}),
// instanceStatus (an operation or the admin API set a run's status: {DagId, DagInstanceId, from, to,
// cause}), request (a request history entry) and stateReplaced (seed or reset). A page subscribes with
// listener(kind, data), kind one of "run", "node", "request", "state", and registers a refresh that
// runs only while there is no stream (and the tab is visible).

const EVENT_TYPES = ["runStatus", "nodeStatus", "instanceStatus", "request", "stateReplaced"];

/** The page's kind and data for an event of the stream; undefined for a type the page does not show. */
export function pageEvent(event) {
  const { type, data } = event;
  if (type === "runStatus") return ["run", data];
  if (type === "nodeStatus") return ["node", data];
  // A status set outside the engine: the same as a run event for the pages.
  if (type === "instanceStatus") return ["run", { dagId: data.DagId, instanceId: data.DagInstanceId, status: data.to }];
  if (type === "request") return ["request", data];
  if (type === "stateReplaced") return ["state", data];
  return undefined;
}

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
      // A reopened stream has missed what happened while it was down (the server replays nothing):
      // the pages reload what they show, as after a reset.
      const reopened = opened;
      opened = true;
      this.setMode("stream");
      if (reopened) for (const listener of this.listeners) listener("state", { cause: "reconnected" });
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, (e) => this.receive(e.data));
    source.onerror = () => {
      // Refused (401/403: the console is open to this browser but the stream is not) or ended: poll
      // instead. A stream that was open and drops reconnects by itself; until it does, polling keeps
      // the page current.
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

  receive(text) {
    let event;
    try {
      event = JSON.parse(text);
    } catch {
      return;
    }
    const found = pageEvent(event);
    if (found) for (const listener of this.listeners) listener(found[0], found[1]);
  }

  /** Calls listener(kind, event) for each event of the stream; returns the unsubscribe function. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Follows the emulator for a page: subscribes `listener` before the page's first read, so that nothing
   * that happens during the read is missed, reads once, then polls every `pollMs` while there is no
   * stream. Returns the stop function; when the first read fails, stops following and rethrows.
   */
  async follow(listener, refresh, pollMs) {
    const unsubscribe = this.subscribe(listener);
    try {
      await refresh();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    const stop = this.pollWithoutStream(pollMs, refresh);
    return () => {
      unsubscribe();
      stop();
    };
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
