import type { SignatureKind } from "../gateway/authentication.js";

/**
 * One API request in the history: what it called, on which IDs, how it ended and how long it took.
 * Never a secret, a security token or a signature (the IDs are the operation's own parameters).
 */
export interface RequestHistoryEntry {
  readonly requestId: string;
  /** When the answer was sent (or the request ended), ISO 8601 UTC. */
  readonly time: string;
  readonly method: string;
  readonly action?: string | undefined;
  readonly accessKeyId?: string | undefined;
  readonly signature?: SignatureKind | undefined;
  /** The ID parameters the request carried (Tid, DagId, DagInstanceId, …), int64 as decimal strings. */
  readonly ids: Readonly<Record<string, string>>;
  /** The HTTP status (0: no answer was sent). */
  readonly status: number;
  /**
   * `Success`, the gateway or business error code, `NoAnswer` (cut or withheld by a fault),
   * `ClientClosed` (the client left first) or `ConnectionLimit`.
   */
  readonly outcome: string;
  readonly latencyMs: number;
  /** The injected fault, when there was one. */
  readonly fault?: string | undefined;
}

/** Which entries to list: the newest `limit` of those matching `action` and `outcome` when given. */
export interface HistoryQuery {
  readonly limit: number;
  readonly action?: string | undefined;
  readonly outcome?: string | undefined;
}

/** How many requests the history keeps by default. */
export const DEFAULT_HISTORY_SIZE = 1000;

/** The last requests, in a ring buffer of fixed size: memory stays bounded whatever the traffic. */
export class RequestHistory {
  private readonly ring: (RequestHistoryEntry | undefined)[];
  private next = 0;

  constructor(readonly capacity: number = DEFAULT_HISTORY_SIZE) {
    this.ring = new Array(capacity);
  }

  /** Records an entry, forgetting the oldest when full. */
  add(entry: RequestHistoryEntry): void {
    if (this.capacity === 0) return;
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The matching entries, newest first. */
  list(query: HistoryQuery): RequestHistoryEntry[] {
    const out: RequestHistoryEntry[] = [];
    for (let i = 1; i <= this.capacity && out.length < query.limit; i++) {
      const entry = this.ring[(this.next - i + this.capacity) % this.capacity];
      if (entry === undefined) break;
      if (query.action !== undefined && entry.action !== query.action) continue;
      if (query.outcome !== undefined && entry.outcome !== query.outcome) continue;
      out.push(entry);
    }
    return out;
  }
}
