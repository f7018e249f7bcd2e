import type { ActionHandlers } from "./actions/actionHandler.js";
import type { ConsoleState } from "./console/consoleState.js";
import type { Engine } from "./engine/engine.js";
import type { EngineClock } from "./engine/engineClock.js";
import type { EventBus } from "./events/eventBus.js";
import type { EventStreamLimits } from "./events/serveEvents.js";
import type { FaultInjector } from "./faults/faultInjector.js";
import type { RateLimiter } from "./gateway/rateLimiter.js";
import type { ReplayGuard } from "./gateway/replayGuard.js";
import type { ConnectionGuard } from "./http/connectionGuard.js";
import type { RequestHistory } from "./log/requestHistory.js";
import type { RequestLogger } from "./log/requestLog.js";
import type { ValidSeed } from "./seed/validSeed.js";
import type { Store } from "./store/store.js";

/** Counters the stats endpoint reports. */
export interface EmulatorCounters {
  requests: number;
  /** Answered requests by HTTP status (0: cut on purpose by a fault). */
  readonly byStatus: Record<string, number>;
  /** Requests whose client closed the connection before the answer: not in byStatus. */
  clientClosed: number;
}

/** Everything a request needs, built once by startEmulator. */
export interface EmulatorContext {
  readonly store: Store;
  readonly handlers: ActionHandlers;
  /** Runs task-flow instances. */
  readonly engine: Engine;
  /** The engine's simulated clock (paused and advanced by the admin API). */
  readonly engineClock: EngineClock;
  readonly replay: ReplayGuard;
  readonly limiter: RateLimiter;
  readonly faults: FaultInjector;
  readonly logger: RequestLogger | undefined;
  readonly clock: () => number;
  readonly adminToken: string | undefined;
  readonly counters: EmulatorCounters;
  readonly connections: ConnectionGuard;
  readonly startedAtMs: number;
  /** The last API requests (GET /_emulator/requests). */
  readonly history: RequestHistory;
  /** State changes and finished requests, for GET /_emulator/events and the engine. */
  readonly events: EventBus;
  /** How the event stream keeps alive and bounds a slow reader. */
  readonly eventStream: EventStreamLimits;
  /** Loads the seed given at start (applied or not), for POST /_emulator/reset?reseed=true. */
  readonly startupSeed: (() => ValidSeed) | undefined;
  /** The web console's own state (whether it is served); it reads history, events and reseed from the fields above. */
  readonly console: ConsoleState;
}
