import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Store } from "./store.js";

// The background WAL flush holds one descriptor of the WAL file while the store is open, however many
// commits kick it, and lets go of it on close, so SQLite's clean-up of the WAL still happens.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** This process's open descriptors of `path` (Linux: /proc/self/fd). */
function descriptorsOf(path: string): number {
  return readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

describe("WalFlusher", () => {
  it.skipIf(!existsSync("/proc/self/fd"))("keeps one WAL descriptor across commits and closes it with the store", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wal-flusher-"));
    dirs.push(dir);
    const path = join(dir, "data.db");
    const store = new Store(path);
    const insert = store.db.prepare("INSERT INTO engine_state (key, value) VALUES (?, ?)");
    const commit = async (i: number) => {
      store.commits.write(() => insert.run(`k${i}`, i));
      await store.commits.settled();
    };
    await commit(0);
    // SQLite's own descriptor and the flusher's.
    expect(descriptorsOf(`${path}-wal`)).toBe(2);
    for (let i = 1; i < 20; i++) await commit(i);
    expect(descriptorsOf(`${path}-wal`)).toBe(2);
    store.close();
    expect(descriptorsOf(`${path}-wal`)).toBe(0);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
