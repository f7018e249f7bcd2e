import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { testDatabase } from "../../test/fixtures/testDatabase.js";
import { CommitBatcher } from "./commitBatcher.js";

// Group commit on a real WAL file, watched through a second connection: a write is visible to
// another reader (committed) exactly when settled() resolves, not before.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), "batcher-"));
  dirs.push(dir);
  const writer = testDatabase(join(dir, "t.db"));
  writer.pragma("journal_mode = WAL");
  writer.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)");
  writer.exec("INSERT INTO t VALUES (1, 0), (2, 0)");
  const reader = testDatabase(join(dir, "t.db"), { readonly: true });
  const read = (id: number) => (reader.prepare("SELECT v FROM t WHERE id = ?").get(id) as { v: number }).v;
  return {
    writer,
    reader,
    read,
    close: () => {
      reader.close();
      writer.close();
    },
  };
}

describe("CommitBatcher", () => {
  it("commits every write of one event-loop turn together, and settles only after COMMIT", async () => {
    const db = open();
    const batcher = new CommitBatcher(db.writer);
    const update = db.writer.prepare("UPDATE t SET v = ? WHERE id = ?");
    expect(batcher.write(() => update.run(10, 1).changes)).toBe(1);
    expect(batcher.write(() => update.run(20, 2).changes)).toBe(1);
    let settled = false;
    const done = batcher.settled().then(() => {
      settled = true;
      // At the moment an answer may be sent, another connection already sees both changes.
      expect([db.read(1), db.read(2)]).toEqual([10, 20]);
    });
    expect([db.read(1), db.read(2), settled]).toEqual([0, 0, false]);
    await done;
    expect(batcher.counters).toEqual({ commits: 1, writes: 2 });
    db.close();
  });

  it("settles at once when nothing is pending", async () => {
    const db = open();
    const batcher = new CommitBatcher(db.writer);
    await batcher.settled();
    expect(batcher.counters.commits).toBe(0);
    db.close();
  });

  it("flush() commits now, for admin changes and shutdown", async () => {
    const db = open();
    const batcher = new CommitBatcher(db.writer);
    batcher.write(() => db.writer.prepare("UPDATE t SET v = 5 WHERE id = 1").run());
    batcher.flush();
    expect(db.read(1)).toBe(5);
    expect(db.writer.inTransaction).toBe(false);
    db.close();
  });

  it("rejects the waiters and rolls back when COMMIT fails", async () => {
    const db = open();
    const batcher = new CommitBatcher(db.writer);
    batcher.write(() => db.writer.prepare("UPDATE t SET v = 7 WHERE id = 1").run());
    const waiting = batcher.settled();
    // Make the COMMIT fail: better-sqlite3 enforces foreign keys, and a deferred violation fails only at COMMIT.
    batcher.write(() => {
      db.writer.exec("CREATE TABLE child (p INTEGER REFERENCES t(id) DEFERRABLE INITIALLY DEFERRED)");
      db.writer.exec("INSERT INTO child VALUES (99)");
    });
    await expect(waiting).rejects.toThrow(/FOREIGN KEY/);
    expect(db.writer.inTransaction).toBe(false);
    expect(db.read(1)).toBe(0);
    db.close();
  });
});
