import type { SqliteDatabase } from "./openDatabase.js";

type Waiter = { resolve: () => void; reject: (error: Error) => void };

const SETTLED: Promise<void> = Promise.resolve();

/**
 * Group commit. The first write in an event-loop turn opens a transaction; every write until the
 * turn ends joins it, and one COMMIT (one write of the WAL; synchronous=NORMAL, see openDatabase)
 * makes them all durable against the process's death. Callers answer a request only after `settled()`
 * resolves, so nothing is acknowledged (and nothing read is shown) before it is committed, while a
 * burst of concurrent writes costs one commit instead of one each.
 */
export class CommitBatcher {
  private open = false;
  private waiters: Waiter[] = [];
  private readonly begin;
  private readonly commit;
  private readonly rollback;
  /** How many commits ran and how many writes they carried (for the stats endpoint). */
  readonly counters = { commits: 0, writes: 0 };
  /** Called after a failed COMMIT rolled the batch back, so in-memory copies of the rows can be re-read. */
  onRollback: (() => void) | undefined;
  /** Called after each successful COMMIT (the background WAL flush). */
  onCommit: (() => void) | undefined;

  constructor(private readonly db: SqliteDatabase) {
    this.begin = db.prepare("BEGIN IMMEDIATE");
    this.commit = db.prepare("COMMIT");
    this.rollback = db.prepare("ROLLBACK");
  }

  /** Runs a write inside the current batch (opening one if needed) and returns its result at once. */
  write<T>(work: () => T): T {
    this.counters.writes++;
    return this.join(work);
  }

  /** Like write, for bookkeeping that rides along (a request's nonce): not counted as a write. */
  join<T>(work: () => T): T {
    if (!this.open) {
      this.begin.run();
      this.open = true;
      setImmediate(this.flush);
    }
    return work();
  }

  /** Resolves once everything done so far is committed (on disk); rejects if that commit failed. */
  settled(): Promise<void> {
    if (!this.open) return SETTLED;
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Commits the open batch now (before an admin change or shutdown). */
  readonly flush = (): void => {
    if (!this.open) return;
    const waiters = this.waiters;
    this.waiters = [];
    this.open = false;
    try {
      this.commit.run();
      this.counters.commits++;
    } catch (error) {
      try {
        if (this.db.inTransaction) this.rollback.run();
      } catch {
        // The rollback failing leaves nothing more to undo; the waiters learn of the first error.
      }
      this.onRollback?.();
      for (const w of waiters) w.reject(error as Error);
      return;
    }
    this.onCommit?.();
    for (const w of waiters) w.resolve();
  };
}
