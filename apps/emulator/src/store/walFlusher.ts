import { closeSync, fdatasync, openSync } from "node:fs";

/**
 * Writes the WAL file out to disk in the background, on libuv's thread pool, so the checkpoint's own
 * fsync of the WAL (synchronous=NORMAL, see openDatabase) finds little left to write. That fsync runs
 * on the event loop inside a COMMIT: with a 16 MB WAL it blocked every request for about 100 ms,
 * several times a second while thousands of runs executed. Flushing earlier only makes the file more
 * durable; SQLite's own fsync still runs, so what is guaranteed is unchanged.
 * The WAL file is opened once and kept open: closing any descriptor of a file drops the process's
 * POSIX locks on it, so it is closed only after the database (SQLite locks the main file, not this one).
 */
export class WalFlusher {
  private fd: number | undefined;
  private flushing = false;
  private closed = false;

  constructor(private readonly walPath: string) {}

  /** After a COMMIT: starts a background flush of the WAL unless one is running. */
  readonly kick = (): void => {
    if (this.flushing || this.closed) return;
    if (this.fd === undefined) {
      try {
        this.fd = openSync(this.walPath, "r");
      } catch {
        return; // No WAL file (yet): nothing to flush.
      }
    }
    this.flushing = true;
    fdatasync(this.fd, () => {
      this.flushing = false;
    });
  };

  /**
   * Closes the descriptor (after the database). A flush still queued on the thread pool then fails
   * with EBADF, or, if the number was reused meanwhile, flushes another file: harmless either way.
   */
  close(): void {
    this.closed = true;
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
