import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createActionHandlers } from "./actions/createActionHandlers.js";
import type { EmulatorContext } from "./emulatorContext.js";
import { Engine } from "./engine/engine.js";
import { EngineClock } from "./engine/engineClock.js";
import type { EngineListener } from "./engine/engineEvents.js";
import { NodeRunRepository } from "./engine/nodeRunRepository.js";
import { formatZonedTime } from "./engine/zonedTime.js";
import { EventBus } from "./events/eventBus.js";
import { DEFAULT_EVENT_STREAM_LIMITS } from "./events/serveEvents.js";
import { FaultInjector } from "./faults/faultInjector.js";
import type { FaultSettings } from "./faults/faultSettings.js";
import { type DurableReplayGuard, durableReplayGuard } from "./gateway/durableReplayGuard.js";
import { RateLimiter } from "./gateway/rateLimiter.js";
import { ConnectionGuard } from "./http/connectionGuard.js";
import { createRequestListener } from "./http/createRequestListener.js";
import { handleClientError } from "./http/handleClientError.js";
import { connectionLimits, serverTimeouts } from "./http/serverLimits.js";
import { RequestHistory } from "./log/requestHistory.js";
import { type LogSink, RequestLogger } from "./log/requestLog.js";
import { loadSeed } from "./seed/loadSeed.js";
import type { Seed } from "./seed/seedTypes.js";
import type { SeedSummary } from "./store/seedSummary.js";
import { Store } from "./store/store.js";

/** Options of startEmulator; every one is optional. */
export interface EmulatorOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port; default 0 (any free port). */
  port?: number;
  /** SQLite data file, or `:memory:` (default). A file keeps everything across restarts. */
  data?: string;
  /**
   * A seed object, the path of a seed JSON file, or `demo` (the built-in seeds/demo.json), applied only
   * when the data file is empty; POST /_emulator/reset?reseed=true applies it again.
   */
  seed?: Seed | string;
  /** Enables the admin endpoints (except health, which is open), as `Authorization: Bearer <token>`. */
  adminToken?: string;
  /** Receives one JSON line per request and per emulator event; default: no logs. */
  log?: LogSink;
  /** Epoch milliseconds now; tests move time with it. Default Date.now. */
  clock?: () => number;
  /** Fault injection from the start (see the README); also settable at /_emulator/faults. */
  faults?: FaultSettings;
  /** An instance the engine does not drive (seeded, no node runs) succeeds on its own this many ms after it is resumed or rerun; default never. */
  completeRunningAfterMs?: number;
  /** Simulated milliseconds per real millisecond for node durations and schedules; default 1. */
  speed?: number;
  /** Seeds the draws of per-node failure rates; default 1. The same seed fails the same node runs. */
  randomSeed?: number;
  /** Serves the web console at /_emulator/console (default true): on loopback only, or to holders of the admin token when one is set. */
  console?: boolean;
  /** Called with each run and node status change, once it is committed (for a server-sent events stream). */
  onStateChange?: EngineListener;
  /** The most connections open at once; default 900. Over it, the oldest idle one is closed, or, when none is idle, the newcomer gets 503. */
  maxConnections?: number;
  /** The most connections open at once from one client address; default 600. */
  maxConnectionsPerAddress?: number;
  /** A connection must send a request's headers within this many ms of opening (or of its last answer); default 5000. */
  headersTimeoutMs?: number;
  /** A keep-alive connection with no request for this many ms is closed; default 5000. */
  idleTimeoutMs?: number;
  /** How many API requests GET /_emulator/requests keeps (a ring buffer); default 1000, 0 keeps none. */
  requestHistorySize?: number;
  /** GET /_emulator/events sends a heartbeat comment this often; default 15000. */
  eventsHeartbeatMs?: number;
  /** A reader of GET /_emulator/events with more than this many bytes unsent is disconnected; default 1 MiB. */
  eventsMaxBufferedBytes?: number;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** What the start-up seed wrote; undefined when there was no seed or the data file already had data. */
  readonly seeded: SeedSummary | undefined;
  /** Stops accepting requests, commits what is pending and closes the data file. */
  close(): Promise<void>;
}

/** Starts the emulator and resolves once it listens. Throws (one clear message) on a bad seed or data file. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? Date.now;
  const logger = options.log ? new RequestLogger(options.log, clock) : undefined;
  const faults = new FaultInjector(options.faults);
  const data = options.data ?? ":memory:";
  const store = new Store(data);
  let server: Server | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let nonces: DurableReplayGuard | undefined;
  let engine: Engine | undefined;
  try {
    const speed = options.speed ?? 1;
    if (!(speed > 0 && Number.isFinite(speed))) throw new Error(`speed must be a number above 0; got ${speed}.`);
    nonces = durableReplayGuard(store, data !== ":memory:", clock);
    let seeded: SeedSummary | undefined;
    const given = options.seed;
    // Loaded again for each reseed (a file is read again, so edits apply) rather than held in memory.
    const startupSeed = given === undefined ? undefined : () => loadSeed(given);
    if (startupSeed !== undefined) {
      const seed = startupSeed();
      if (store.isEmpty()) seeded = store.seed(seed, "merge");
      else logger?.event("seed skipped", { reason: "the data file already holds data; use POST /_emulator/seed?mode=replace" });
    }
    const completeAfter = options.completeRunningAfterMs;
    const events = new EventBus(clock);
    const onStateChange: EngineListener = (event) => {
      if (event.kind === "run") events.publish("runStatus", event);
      else events.publish("nodeStatus", event);
      options.onStateChange?.(event);
    };
    const engineClock = new EngineClock(clock, speed, new NodeRunRepository(store.db).savedClock());
    engine = new Engine(store, { clock: engineClock, randomSeed: options.randomSeed ?? 1, onStateChange });
    const ctx: EmulatorContext = {
      store,
      engine,
      engineClock,
      handlers: createActionHandlers(store, { completeRunningAfterMs: completeAfter, engine, events }),
      replay: nonces.guard,
      limiter: new RateLimiter(),
      faults,
      logger,
      clock,
      adminToken: options.adminToken,
      counters: { requests: 0, byStatus: {}, clientClosed: 0 },
      connections: new ConnectionGuard(connectionLimits(options)),
      startedAtMs: performance.now(),
      history: new RequestHistory(options.requestHistorySize),
      events,
      eventStream: {
        heartbeatMs: options.eventsHeartbeatMs ?? DEFAULT_EVENT_STREAM_LIMITS.heartbeatMs,
        maxBufferedBytes: options.eventsMaxBufferedBytes ?? DEFAULT_EVENT_STREAM_LIMITS.maxBufferedBytes,
      },
      startupSeed,
      console: { enabled: options.console ?? true },
    };
    server = createServer(serverTimeouts(options), createRequestListener(ctx));
    server.on("connection", ctx.connections.admit);
    server.on("clientError", (error, socket) => handleClientError(error, socket, logger));
    const host = options.host ?? "127.0.0.1";
    await listen(server, options.port ?? 0, host);
    const port = (server.address() as AddressInfo).port;
    if (completeAfter !== undefined) {
      sweeper = setInterval(
        () => {
          const now = clock();
          // A read first: an idle emulator opens no transaction, so it commits nothing.
          if (store.instances.hasDueRuns(now)) {
            const schedules = ctx.engine.schedules;
            store.commits.write(() =>
              store.instances.completeDueRuns(now, (dagId) => formatZonedTime(now, schedules.zoneOf(dagId))),
            );
          }
        },
        Math.min(Math.max(completeAfter, 10), 250),
      );
      sweeper.unref();
    }
    const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    logger?.event("listening", {
      url,
      ...(ctx.console.enabled ? { console: `${url}/_emulator/console` } : {}),
      data,
      seeded: seeded ?? null,
    });
    const running = server;
    let closing: Promise<void> | undefined;
    return {
      url,
      host,
      port,
      seeded,
      close: () => {
        closing ??= (async () => {
          if (sweeper) clearInterval(sweeper);
          nonces?.stop();
          engine?.close();
          await stop(running);
          store.close();
          logger?.event("stopped");
        })();
        return closing;
      },
    };
  } catch (error) {
    if (sweeper) clearInterval(sweeper);
    nonces?.stop();
    engine?.close();
    if (server?.listening) await stop(server);
    store.close();
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${port} on ${host} is already in use; pick another --port (0 picks a free one).`)
          : error,
      );
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
