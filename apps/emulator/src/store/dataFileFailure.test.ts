import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../test/fixtures/testDatabase.js";
import { describeDataFileFailure } from "./dataFileFailure.js";

// Each failure is raised by real SQLite on a real file, then described; as root, chmod does not stop
// writes, so read-only is a connection opened read-only and a full disk is a page-count ceiling.
const dir = mkdtempSync(join(tmpdir(), "dmsflow-datafile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function failure(work: () => void): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("expected SQLite to fail");
}

describe("describeDataFileFailure", () => {
  it("a full disk (SQLITE_FULL) says so and what to do, not 'not an emulator database'", () => {
    const path = join(dir, "full.db");
    const db = testDatabase(path);
    db.pragma("max_page_count = 2");
    const error = failure(() => db.exec("CREATE TABLE a (x); CREATE TABLE b (x); CREATE TABLE c (x)"));
    db.close();
    expect((error as { code: string }).code).toBe("SQLITE_FULL");
    expect(describeDataFileFailure(error, path)).toBe(
      `The disk holding the data file ${path} is full (SQLITE_FULL); free some space or pick a --data file on another volume.`,
    );
  });

  it("a read-only connection (SQLITE_READONLY)", () => {
    const path = join(dir, "ro.db");
    testDatabase(path).exec("CREATE TABLE a (x)");
    const db = testDatabase(path, { readonly: true });
    const error = failure(() => db.exec("INSERT INTO a VALUES (1)"));
    db.close();
    expect((error as { code: string }).code).toBe("SQLITE_READONLY");
    expect(describeDataFileFailure(error, path)).toBe(
      `The data file ${path} cannot be written: it or its directory is read-only (SQLITE_READONLY); make both writable for this user or pick another --data file.`,
    );
  });

  it("a path SQLite cannot open (SQLITE_CANTOPEN): a directory where the file should be", () => {
    const path = join(dir, "a-directory");
    mkdirSync(path);
    const error = failure(() => testDatabase(path));
    expect((error as { code: string }).code).toBe("SQLITE_CANTOPEN");
    expect(describeDataFileFailure(error, path)).toBe(
      `Cannot open the data file ${path} (SQLITE_CANTOPEN); check that it is a file and that this user may create files beside it (SQLite adds -wal and -shm files), or pick another --data path.`,
    );
  });

  it("a directory that does not exist (SQLITE_CANTOPEN, ENOENT)", () => {
    const error = Object.assign(new Error("unable to open database file"), { code: "SQLITE_CANTOPEN" });
    const path = join(dir, "missing", "state.db");
    expect(describeDataFileFailure(error, path)).toBe(
      `Cannot open the data file ${path}: its directory does not exist (SQLITE_CANTOPEN, ENOENT); create it or pick another --data path.`,
    );
  });

  it("anything else keeps SQLite's words and its code", () => {
    const error = Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR_WRITE" });
    expect(describeDataFileFailure(error, "/x.db")).toBe(
      "The data file /x.db cannot be used: disk I/O error (SQLITE_IOERR_WRITE); check the disk, or pick another --data file.",
    );
  });
});
