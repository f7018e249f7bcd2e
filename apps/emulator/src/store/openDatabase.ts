import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { DataFileError } from "./dataFileError.js";
import { describeDataFileFailure } from "./dataFileFailure.js";
import { MIGRATIONS } from "./schema.js";

/** A better-sqlite3 connection. */
export type SqliteDatabase = Database.Database;

/**
 * Names a better-sqlite3 addon (`better_sqlite3.node`) to load instead of the installed one: for running
 * on a Node whose ABI differs from the one better-sqlite3 was installed for (the repository's Node matrix).
 */
export const SQLITE_ADDON_VARIABLE = "DMSFLOW_EMULATOR_SQLITE_ADDON";

/**
 * SQLite's page cache of the data file, in KiB: SQLite's own default. better-sqlite3 builds SQLite with
 * 16 MB, and the one connection's cache stays valid between transactions, so under steady load it grew
 * with the data file (every finished run adds rows) until 16 MB: process memory rising for the better
 * part of an hour. 2 MB holds the pages the emulator keeps touching (B-tree interiors, the newest rows).
 */
export const PAGE_CACHE_KIB = 2000;

/** WAL pages written before a commit checkpoints them into the data file (SQLite's default: 1,000). */
const WAL_CHECKPOINT_PAGES = 16_000;

/**
 * Opens (or creates) the data file and brings its schema up to date.
 * WAL with synchronous=NORMAL: a COMMIT returns once its frames are written to the WAL file (in the
 * OS's buffers); the WAL is fsynced at checkpoints, not at each commit. An acknowledged change survives
 * the death of the process (SIGKILL, a crash): the kernel keeps the written pages and writes them out.
 * Only a power cut or an OS crash may lose the last commits (never corrupt the file). An emulator is a
 * test fixture, so the per-commit fsync (about a quarter of the server's CPU under load) is not worth
 * paying for that case. Exclusive locking keeps a second emulator off the same file.
 * Another application's database is refused before anything is written to it (even the switch to WAL
 * rewrites the file's header).
 */
export function openDatabase(path: string): SqliteDatabase {
  let db: SqliteDatabase;
  const addon = process.env[SQLITE_ADDON_VARIABLE] || undefined;
  try {
    // better-sqlite3 refuses a missing directory itself, with no SQLite code: give it SQLite's.
    if (path !== ":memory:" && !existsSync(dirname(resolve(path)))) {
      throw Object.assign(new Error("unable to open database file"), { code: "SQLITE_CANTOPEN" });
    }
    db = new Database(path, { timeout: 250, nativeBinding: addon });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (addon && (code === "MODULE_NOT_FOUND" || code === "ERR_DLOPEN_FAILED")) {
      throw new DataFileError(
        `Cannot open the data file ${path}: the SQLite addon ${addon} named by ${SQLITE_ADDON_VARIABLE} does not load (${message.split("\n")[0]}); unset ${SQLITE_ADDON_VARIABLE} or point it at a better_sqlite3.node built for Node ${process.version}.`,
      );
    }
    throw new DataFileError(describeDataFileFailure(error, path));
  }
  try {
    refuseForeignDatabase(db, path);
    db.defaultSafeIntegers(true);
    if (path !== ":memory:") {
      db.pragma("locking_mode = EXCLUSIVE");
      db.pragma("journal_mode = WAL");
    }
    db.pragma("synchronous = NORMAL");
    // A checkpoint copies each page once however often the WAL holds it, then fsyncs the file, on the
    // event loop: every 16,000 WAL pages (the WAL file grows to about 64 MB) rather than 4,000, pages
    // rewritten between checkpoints (node rows, instance rows, index pages) are copied and synced once.
    // The WAL's own fsync at the checkpoint finds it mostly written already (WalFlusher).
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    db.pragma("busy_timeout = 0");
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    migrate(db, path);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(describeDataFileFailure(error, path));
  }
}

/** Refuses a database that holds anything but has no emulator schema version: it belongs to someone else. */
function refuseForeignDatabase(db: SqliteDatabase, path: string): void {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  if (names.length === 0) return;
  if (names.includes("meta") && db.prepare("SELECT 1 FROM meta WHERE key = 'schema_version'").get() !== undefined) return;
  const shown = names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
  throw new DataFileError(
    `The data file ${path} is another application's SQLite database (it holds ${shown}), not an emulator data file; it was left untouched: pick another --data file (a new path creates one).`,
  );
}

function migrate(db: SqliteDatabase, path: string): void {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
  const row = hasMeta
    ? (db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)
    : undefined;
  const applied = row ? Number(row.value) : 0;
  if (!Number.isInteger(applied) || applied > MIGRATIONS.length) {
    throw new DataFileError(
      `The data file ${path} was written by a newer emulator (schema ${row?.value}); upgrade @dmsflow/emulator.`,
    );
  }
  if (applied === MIGRATIONS.length) return;
  // One transaction with the meta table itself, so a crash never leaves a file that looks foreign.
  db.transaction(() => {
    db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    for (let i = applied; i < MIGRATIONS.length; i++) db.exec(MIGRATIONS[i]!);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)").run(String(MIGRATIONS.length));
  })();
}
