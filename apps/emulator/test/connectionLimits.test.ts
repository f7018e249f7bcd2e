import { writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorProcess, prepareEmulatorBin, spawnEmulator, stopEmulator, tempDir } from "./fixtures/emulatorProcess.js";
import { expectGatewayError, expectSuccess } from "./fixtures/expectations.js";
import { sendRequest } from "./fixtures/sendRequest.js";
import { signV3 } from "./fixtures/signRequest.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { KEYS, testSeed } from "./fixtures/testSeed.js";

// Sockets that never send a byte must not shut valid clients out: the emulator bounds its
// connections, closes idle ones first when full, and refuses clearly only when all are busy.
const open: Socket[] = [];
const emulators: TestEmulator[] = [];
const processes: EmulatorProcess[] = [];
beforeAll(prepareEmulatorBin);
afterEach(async () => {
  for (const s of open.splice(0)) s.destroy();
  for (const e of emulators.splice(0)) await e.close();
  for (const p of processes.splice(0)) await stopEmulator(p, "SIGKILL");
});

/** Opens `count` sockets that send nothing; resolves once all are connected (or refused). */
async function idleFlood(url: string, count: number): Promise<{ closedByServer: () => number }> {
  const { hostname, port } = new URL(url);
  let closed = 0;
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve) => {
          const socket = connect(Number(port), hostname, () => resolve());
          socket.resume(); // read, so that a close by the server is seen
          socket.on("error", () => resolve());
          socket.on("close", () => {
            closed++;
            resolve();
          });
          open.push(socket);
        }),
    ),
  );
  return { closedByServer: () => closed };
}

/** Valid signed calls, one after another on fresh connections; their latencies in ms. */
async function validCalls(url: string, count: number): Promise<{ served: number; latencies: number[] }> {
  const host = new URL(url).host;
  const latencies: number[] = [];
  let served = 0;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const reply = await sendRequest(url, signV3({ action: "ListTaskFlow", key: KEYS.a, host })).catch(() => undefined);
    latencies.push(performance.now() - started);
    if (reply?.status === 200 && reply.json?.Success === true) served++;
  }
  return { served, latencies: latencies.sort((a, b) => a - b) };
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("connection limits", () => {
  it("serves valid calls while 300 idle sockets are held against a limit of 40 per address, 60 in total", async () => {
    const e = await startTestEmulator({ maxConnections: 60, maxConnectionsPerAddress: 40 });
    emulators.push(e);
    const flood = await idleFlood(e.url, 300);
    // A socket is connected once the kernel accepts it; wait until the emulator has seen all 300.
    for (let seen = 0; seen < 300; await settle(50)) {
      // The stats call may itself be refused or closed while the flood is being let in.
      const c = (await e.admin("GET", "stats").catch(() => undefined))?.json?.connections;
      if (c) seen = c.open - 1 + c.evicted + c.refused; // minus the stats call's own connection
    }
    await settle(300);
    const { served, latencies } = await validCalls(e.url, 20);
    const heldDuring = 300 - flood.closedByServer();
    const p50 = latencies[10]!.toFixed(1);
    const max = latencies.at(-1)!.toFixed(1);
    // Refused sockets get a second to read their 503, then they are closed too.
    await settle(1200);
    const held = 300 - flood.closedByServer();
    console.log(
      `valid calls served during the flood: ${served}/20 (p50 ${p50} ms, max ${max} ms); idle sockets held: ${heldDuring} of 300 during the calls, ${held} a second later`,
    );
    expect(served).toBe(20);
    expect(held).toBeLessThanOrEqual(40);
    const { connections } = (await e.admin("GET", "stats")).json;
    expect(connections.evicted + connections.refused).toBeGreaterThanOrEqual(260);
  });

  it("refuses clearly (503 ServiceUnavailable, naming the flag) only when every connection is busy", async () => {
    const e = await startTestEmulator({ maxConnections: 60, maxConnectionsPerAddress: 3 });
    emulators.push(e);
    await e.admin("PUT", "faults", { actions: { ListTaskFlow: { latencyMs: 800 } } });
    const busy = [e.v3("ListTaskFlow"), e.v3("ListTaskFlow"), e.v3("ListTaskFlow")];
    await settle(200);
    const refused = await e.v3("ListTaskFlow");
    expectGatewayError(refused, "ServiceUnavailable");
    expect(refused.json.Message).toContain("3 connections from 127.0.0.1");
    expect(refused.json.Message).toContain("--max-connections-per-address");
    for (const reply of await Promise.all(busy)) expectSuccess(reply);
    expect((await e.admin("GET", "stats")).json.connections.refused).toBe(1);
  });

  it("closes a connection that sends no request within the header timeout", async () => {
    const e = await startTestEmulator({ headersTimeoutMs: 300 });
    emulators.push(e);
    const started = performance.now();
    const socket = connect(e.emulator.port, "127.0.0.1");
    socket.resume();
    open.push(socket);
    await new Promise((resolve) => socket.on("close", resolve));
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("with ulimit -n 1024 and the default limits, 1,100 idle sockets do not shut a valid client out", async () => {
    const seed = join(tempDir(), "seed.json");
    writeFileSync(seed, JSON.stringify(testSeed()));
    const p = await spawnEmulator(["--seed", seed, "--quiet"], {}, { openFiles: 1024 });
    processes.push(p);
    const flood = await idleFlood(p.url, 1100);
    await settle(500); // the emulator accepts them a little after the kernel did
    const { served, latencies } = await validCalls(p.url, 10);
    const held = 1100 - flood.closedByServer();
    console.log(
      `ulimit -n 1024, default limits: valid calls served during a 1,100-socket flood: ${served}/10 (max ${latencies.at(-1)!.toFixed(1)} ms); idle sockets held: ${held}`,
    );
    expect(served).toBe(10);
  });
});
