import type { Statement } from "better-sqlite3";
import type { SqliteDatabase } from "./openDatabase.js";

/** A remembered nonce: who used it and until when (epoch seconds) a replay of it is refused. */
export interface NonceRecord {
  readonly keyId: string;
  readonly nonce: string;
  readonly expiresAt: number;
}

/**
 * The signature nonces in the data file. The replay check itself runs on the in-memory ReplayGuard;
 * this copy only outlives a restart, written in the same group commit as the request's change.
 */
export class NonceRepository {
  private readonly insert: Statement<[string, string, number]>;
  private readonly newest: Statement<[number, number], { key_id: string; nonce: string; expires_at: bigint }>;
  private readonly expire: Statement<[number]>;
  private readonly anyExpired: Statement<[number]>;
  private readonly count: Statement<[], { n: bigint }>;
  private readonly dropOldest: Statement<[number]>;
  private readonly deleteAll: Statement<[]>;

  constructor(db: SqliteDatabase) {
    this.insert = db.prepare("INSERT OR REPLACE INTO nonces (key_id, nonce, expires_at) VALUES (?, ?, ?)");
    this.newest = db.prepare(
      "SELECT key_id, nonce, expires_at FROM nonces WHERE expires_at > ? ORDER BY expires_at DESC LIMIT ?",
    );
    this.expire = db.prepare("DELETE FROM nonces WHERE expires_at <= ?");
    this.anyExpired = db.prepare("SELECT 1 FROM nonces WHERE expires_at <= ? LIMIT 1");
    this.count = db.prepare("SELECT count(*) AS n FROM nonces");
    this.dropOldest = db.prepare(
      "DELETE FROM nonces WHERE (key_id, nonce) IN (SELECT key_id, nonce FROM nonces ORDER BY expires_at LIMIT ?)",
    );
    this.deleteAll = db.prepare("DELETE FROM nonces");
  }

  /** Records a nonce (call inside a transaction: the commit batch). */
  record(keyId: string, nonce: string, expiresAt: number): void {
    this.insert.run(keyId, nonce, expiresAt);
  }

  /** The nonces still in force at `now` (epoch seconds), at most `limit` of the newest, oldest first. */
  unexpired(now: number, limit: number): NonceRecord[] {
    const rows = this.newest.all(now, limit);
    const out: NonceRecord[] = [];
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i]!;
      out.push({ keyId: row.key_id, nonce: row.nonce, expiresAt: Number(row.expires_at) });
    }
    return out;
  }

  /** Whether prune would delete anything (a read: an idle emulator opens no transaction to find out). */
  needsPrune(now: number, capacity: number): boolean {
    return this.anyExpired.get(now) !== undefined || Number(this.count.get()!.n) > capacity;
  }

  /** Deletes the nonces expired at `now`, then the oldest beyond `capacity` (which memory forgets too). */
  prune(now: number, capacity: number): void {
    this.expire.run(now);
    const excess = Number(this.count.get()!.n) - capacity;
    if (excess > 0) this.dropOldest.run(excess);
  }

  /** Forgets every nonce (reset). */
  clear(): void {
    this.deleteAll.run();
  }
}
