import type { RequestLogEntry } from "../log/requestLog.js";

/** One RPC request as the console lists it: the log entry's fields, a sequence number and the time. */
export interface RequestHistoryEntry {
  /** Increases by one per recorded request, from 1: a reader asks for what came after the last one it saw. */
  readonly seq: number;
  /** When the answer went out, ISO 8601. */
  readonly time: string;
  readonly action: string | null;
  readonly accessKeyId: string | null;
  readonly status: number;
  readonly code: string | null;
  readonly fault: string | null;
  readonly outcome: string | null;
  readonly latencyMs: number;
}

/**
 * The last RPC requests in a fixed-size ring, so the console can show them live without a log sink.
 * Memory is bounded by the capacity whatever the request rate; admin requests are not recorded
 * (the console's own polling would drown the history).
 */
export class RequestHistory {
  private readonly ring: (RequestHistoryEntry | undefined)[];
  private next = 1;
  /** The first sequence number still held (moves on at clear). */
  private floor = 1;

  constructor(
    readonly capacity: number,
    private readonly clock: () => number,
  ) {
    this.ring = new Array(capacity);
  }

  /** Records an answered RPC request. */
  record(entry: RequestLogEntry): void {
    const seq = this.next++;
    this.ring[seq % this.capacity] = {
      seq,
      time: new Date(this.clock()).toISOString(),
      action: entry.action ?? null,
      accessKeyId: entry.accessKeyId ?? null,
      status: entry.status,
      code: entry.code ?? null,
      fault: entry.fault ?? null,
      outcome: entry.outcome ?? null,
      latencyMs: Math.round(entry.latencyMs * 1000) / 1000,
    };
  }

  /** The entries after `afterSeq` still held, oldest first, at most `limit` (the newest ones). */
  since(afterSeq: number, limit: number): RequestHistoryEntry[] {
    const first = Math.max(afterSeq + 1, this.next - Math.min(limit, this.capacity), this.floor);
    const out: RequestHistoryEntry[] = [];
    for (let seq = first; seq < this.next; seq++) out.push(this.ring[seq % this.capacity]!);
    return out;
  }

  /** The sequence number of the newest entry (0 before any). */
  get lastSeq(): number {
    return this.next - 1;
  }

  /** Forgets every entry (reset); sequence numbers keep increasing so a reader never sees one twice. */
  clear(): void {
    this.ring.fill(undefined);
    this.floor = this.next;
  }
}
