import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { EventBus } from "./eventBus.js";
import { serveEvents } from "./serveEvents.js";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

describe("serveEvents", () => {
  it("disconnects a reader that does not read once its unsent bytes pass the limit, and unsubscribes it", async () => {
    const bus = new EventBus(() => 0);
    const limit = 64 * 1024;
    server = createServer((_req, res) => serveEvents(bus, res, { heartbeatMs: 60_000, maxBufferedBytes: limit }));
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    const socket = connect(port, "127.0.0.1");
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    // The reader reads nothing, ever: the kernel's buffers fill, then the response's own.
    socket.pause();
    const closed = new Promise<void>((r) => socket.once("close", () => r()));
    socket.on("error", () => undefined);
    while (bus.size === 0) await new Promise((r) => setImmediate(r));

    const cause = "x".repeat(16 * 1024);
    let published = 0;
    while (bus.size > 0) {
      bus.publish("instanceStatus", { DagId: "1", DagInstanceId: "2", from: 1, to: 2, cause });
      published += cause.length;
      // Let the socket flush what the kernel takes, as a live server would between events.
      if (published % (1024 * 1024) < cause.length) await new Promise((r) => setImmediate(r));
      // Loopback buffers are a few MB at most; far beyond that the reader must have been dropped.
      expect(published).toBeLessThan(256 * 1024 * 1024);
    }
    socket.resume();
    await closed;
    expect(bus.size).toBe(0);
  });

  it("sends each event with its sequence number as id and its kind as the event name", async () => {
    const bus = new EventBus(() => Date.UTC(2026, 0, 1));
    server = createServer((_req, res) => serveEvents(bus, res, { heartbeatMs: 60_000, maxBufferedBytes: 1 << 20 }));
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/`);
    const reader = response.body!.getReader();
    await reader.read(); // the opening comment
    bus.publish("stateReplaced", { cause: "reset" });
    let text = "";
    while (!text.includes("\n\n")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toBe(
      'id: 1\nevent: stateReplaced\ndata: {"seq":1,"type":"stateReplaced","time":"2026-01-01T00:00:00.000Z","data":{"cause":"reset"}}\n\n',
    );
    await reader.cancel();
  });
});
