import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tempDir } from "./fixtures/emulatorProcess.js";
import { expectSuccess } from "./fixtures/expectations.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { BIG_INSTANCE, FLOW } from "./fixtures/testSeed.js";

let e: TestEmulator | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await e?.close();
});

const turn = () => new Promise((r) => setImmediate(r));

/**
 * The emulator's periodic work (completing due runs with --complete-after, pruning expired nonces)
 * runs on setInterval, faked here so ten minutes of ticks run at once and deterministically; HTTP,
 * setImmediate (the group commit) and setTimeout stay real.
 */
describe("an idle emulator", () => {
  it("commits nothing and writes nothing to the WAL, however long it idles", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let now = Date.parse("2026-03-01T00:00:00Z");
    const data = join(tempDir(), "idle.sqlite");
    e = await startTestEmulator({ data, clock: () => now, completeRunningAfterMs: 100 });
    const stats = async () => (await e!.admin("GET", "stats")).json as { commits: number; writes: number };

    // Some work first: a signed resume (a nonce and a planned completion), its completion, the nonce's expiry.
    expectSuccess(await e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: BIG_INSTANCE }));
    now += 1000;
    vi.advanceTimersByTime(1000);
    await turn();
    expect((await e.admin("GET", `inspect/instances/${BIG_INSTANCE}`)).json.status).toBe(4);
    now += 20 * 60_000;
    vi.advanceTimersByTime(2 * 60_000);
    await turn();

    const before = await stats();
    const wal = () =>
      createHash("sha256")
        .update(readFileSync(`${data}-wal`))
        .digest("hex");
    const walBefore = wal();
    for (let minute = 0; minute < 10; minute++) {
      now += 60_000;
      vi.advanceTimersByTime(60_000);
      await turn();
    }
    expect(await stats()).toMatchObject({ commits: before.commits, writes: before.writes });
    expect(wal()).toBe(walBefore);
  });
});
