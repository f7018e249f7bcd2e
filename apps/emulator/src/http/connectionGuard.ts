import type { Socket } from "node:net";

/** Bounds on open connections; defaults in DEFAULT_CONNECTION_LIMITS. */
export interface ConnectionLimits {
  /** The most connections open at once (keep it below `ulimit -n`, which also counts the data file). */
  readonly maxConnections: number;
  /** The most connections open at once from one client address. */
  readonly maxConnectionsPerAddress: number;
}

/** Enough for a local test suite's bursts, and below the common `ulimit -n` of 1024 with room for the process's own files. */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { maxConnections: 900, maxConnectionsPerAddress: 600 };

/**
 * How long a connection must have been idle before it may be closed to make room. In a burst the
 * server accepts many connections before it reads any: their requests are on the way, not absent.
 */
const EVICTION_GRACE_MS = 200;

/** How long a refused connection is kept to send its 503 before it is closed anyway. */
const REFUSAL_GRACE_MS = 1000;
/** The most refused connections waiting to send their 503; beyond, they are closed without a word. */
const MAX_PENDING_REFUSALS = 64;

interface Tracked {
  readonly address: string;
  /** Requests in progress on the connection; 0 means idle (never sent one, or between keep-alive requests). */
  active: number;
  /** When it last became idle (opened, or answered its last request), performance.now() ms. */
  idleSince: number;
}

/**
 * Keeps the number of connections bounded, in total and per client address, so sockets that never
 * send a byte cannot use up the process's file descriptors and shut valid clients out. A new
 * connection over a limit closes the oldest idle one in its way (a connection with no request in
 * progress for a moment); only when there is none is the newcomer refused, with a 503 that says which limit
 * (answered from the request listener, so the client reads a whole HTTP response).
 */
export class ConnectionGuard {
  private readonly sockets = new Map<Socket, Tracked>();
  private readonly perAddress = new Map<string, number>();
  private readonly refusals = new WeakMap<Socket, string>();
  private pendingRefusals = 0;
  /** Connections closed to make room, and connections refused (for the stats endpoint). */
  readonly counters = { evicted: 0, refused: 0 };

  constructor(private readonly limits: ConnectionLimits) {}

  /** The server's `connection` listener. */
  readonly admit = (socket: Socket): void => {
    const address = socket.remoteAddress ?? "";
    const fromAddress = this.perAddress.get(address) ?? 0;
    if (fromAddress >= this.limits.maxConnectionsPerAddress && !this.evictIdle(address)) {
      this.refuse(
        socket,
        `The emulator holds ${fromAddress} connections from ${address}, none of them idle: its --max-connections-per-address; retry, or start it with a higher limit.`,
      );
      return;
    }
    if (this.sockets.size >= this.limits.maxConnections && !this.evictIdle(undefined)) {
      this.refuse(
        socket,
        `The emulator holds ${this.sockets.size} connections, none of them idle: its --max-connections; retry, or start it with a higher limit.`,
      );
      return;
    }
    this.sockets.set(socket, { address, active: 0, idleSince: performance.now() });
    this.perAddress.set(address, fromAddress + 1);
    socket.once("close", () => this.forget(socket));
  };

  /** Why the connection a request came on was refused, or undefined when it was admitted. */
  refusal(socket: Socket): string | undefined {
    return this.refusals.get(socket);
  }

  /** A request started on the connection: it is busy until requestEnded. */
  requestStarted(socket: Socket): void {
    const tracked = this.sockets.get(socket);
    if (tracked) tracked.active++;
  }

  /** A request's response finished (or its connection closed). */
  requestEnded(socket: Socket): void {
    const tracked = this.sockets.get(socket);
    if (tracked && tracked.active > 0 && --tracked.active === 0) tracked.idleSince = performance.now();
  }

  /** How many connections are open (refused ones not counted). */
  get size(): number {
    return this.sockets.size;
  }

  /** Closes the oldest idle connection (from `address`, when given); false when there is none. */
  private evictIdle(address: string | undefined): boolean {
    const idleBefore = performance.now() - EVICTION_GRACE_MS;
    for (const [socket, tracked] of this.sockets) {
      if (tracked.active === 0 && tracked.idleSince <= idleBefore && (address === undefined || tracked.address === address)) {
        this.forget(socket);
        socket.destroy();
        this.counters.evicted++;
        return true;
      }
    }
    return false;
  }

  private refuse(socket: Socket, detail: string): void {
    this.counters.refused++;
    if (this.pendingRefusals >= MAX_PENDING_REFUSALS) {
      socket.destroy();
      return;
    }
    this.pendingRefusals++;
    this.refusals.set(socket, detail);
    socket.setTimeout(REFUSAL_GRACE_MS, () => socket.destroy());
    socket.once("close", () => this.pendingRefusals--);
  }

  private forget(socket: Socket): void {
    const tracked = this.sockets.get(socket);
    if (!tracked) return;
    this.sockets.delete(socket);
    const left = (this.perAddress.get(tracked.address) ?? 1) - 1;
    if (left === 0) this.perAddress.delete(tracked.address);
    else this.perAddress.set(tracked.address, left);
  }
}
