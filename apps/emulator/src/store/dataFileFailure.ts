import { accessSync, constants, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * Says what a SQLite failure on the data file means and what to do, from SQLite's result code
 * (better-sqlite3 puts it on `error.code`, extended codes included, e.g. SQLITE_READONLY_DBMOVED) and,
 * when the file could not be opened or written, from what the file system says about it.
 * SQLite's own words ("database or disk is full", "unable to open database file") say neither which
 * case it is nor what to change.
 */
export function describeDataFileFailure(error: unknown, path: string): string {
  const sqliteCode = (error as { code?: unknown }).code;
  const code = typeof sqliteCode === "string" ? sqliteCode : "";
  const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
  const fsCode = primary === "SQLITE_CANTOPEN" || primary === "SQLITE_READONLY" ? fileSystemRefusal(path) : undefined;
  const codes = fsCode === undefined ? code : `${code}, ${fsCode}`;
  if (fsCode === "ENOENT")
    return `Cannot open the data file ${path}: its directory does not exist (${codes}); create it or pick another --data path.`;
  if (fsCode !== undefined || primary === "SQLITE_READONLY")
    return `The data file ${path} cannot be written: it or its directory is read-only (${codes}); make both writable for this user or pick another --data file.`;
  switch (primary) {
    case "SQLITE_FULL":
      return `The disk holding the data file ${path} is full (${codes}); free some space or pick a --data file on another volume.`;
    case "SQLITE_CANTOPEN":
      return `Cannot open the data file ${path} (${codes}); check that it is a file and that this user may create files beside it (SQLite adds -wal and -shm files), or pick another --data path.`;
    case "SQLITE_BUSY":
    case "SQLITE_LOCKED":
      return `The data file ${path} is in use by another process (another emulator?); stop it or pick another --data file.`;
    case "SQLITE_NOTADB":
      return `The data file ${path} is not a SQLite database (${codes}); it was left untouched: pick another --data file (a new path creates one).`;
    case "SQLITE_CORRUPT":
      return `The data file ${path} is damaged (${codes}); restore it from a copy or pick another --data file.`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `The data file ${path} cannot be used: ${message}${codes === "" ? "" : ` (${codes})`}; check the disk, or pick another --data file.`;
    }
  }
}

/**
 * Why the file system refuses the data file, if it does: its directory is missing (ENOENT), or the
 * file or directory cannot be written (EROFS, EACCES). Undefined when both look writable.
 */
function fileSystemRefusal(path: string): string | undefined {
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) return "ENOENT";
  for (const target of existsSync(path) ? [path, dir] : [dir]) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EROFS" || code === "EACCES" || code === "EPERM") return code;
    }
  }
  return undefined;
}
