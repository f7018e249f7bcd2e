import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type EmulatorProcess,
  prepareEmulatorBin,
  runEmulator,
  spawnEmulator,
  stopEmulator,
  tempDir,
} from "./fixtures/emulatorProcess.js";
import { expectGatewayError, expectSuccess } from "./fixtures/expectations.js";
import { type Reply, sendRequest } from "./fixtures/sendRequest.js";
import { signV3 } from "./fixtures/signRequest.js";
import { testDatabase } from "./fixtures/testDatabase.js";
import { startTestEmulator } from "./fixtures/testEmulator.js";
import { FLOW, KEYS, testSeed } from "./fixtures/testSeed.js";

// Persistence, proven with the real bin in a child process and a real SQLite file.
const ADMIN = "persist-admin";
const BURST = 400;
const started: EmulatorProcess[] = [];

beforeAll(prepareEmulatorBin);
afterEach(async () => {
  for (const p of started.splice(0)) await stopEmulator(p, "SIGKILL");
});

function seedFile(dir: string, suspended: number): string {
  const seed = testSeed();
  for (let i = 0; i < suspended; i++)
    seed.instances!.push({ Id: String(9_007_199_254_800_000n + BigInt(i)), DagId: FLOW, status: 2 });
  const path = join(dir, "seed.json");
  writeFileSync(path, JSON.stringify(seed));
  return path;
}

async function start(dataFile: string, seed: string): Promise<EmulatorProcess> {
  const p = await spawnEmulator(["--data", dataFile, "--seed", seed, "--admin-token", ADMIN, "--quiet"]);
  started.push(p);
  return p;
}

const call = (p: EmulatorProcess, action: string, params: Record<string, string>) =>
  sendRequest(p.url, signV3({ action, params, key: KEYS.a, host: new URL(p.url).host }));

const statusOf = async (p: EmulatorProcess, id: string) =>
  (
    await sendRequest(p.url, {
      method: "GET",
      path: `/_emulator/inspect/instances/${id}`,
      headers: { authorization: `Bearer ${ADMIN}` },
    })
  ).json.status;

describe("restart", () => {
  it("keeps every change, and does not apply the seed again to a data file that has data", async () => {
    const dir = tempDir();
    const data = join(dir, "state.db");
    const seed = seedFile(dir, 0);
    const first = await start(data, seed);
    expectSuccess(await call(first, "ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "1002" }));
    expectSuccess(await call(first, "StopTaskFlowInstance", { DagId: FLOW, DagInstanceId: "9007199254740993" }));
    expect(await stopEmulator(first, "SIGTERM")).toEqual({ code: 0, signal: null });

    const second = await start(data, seed);
    expect(await statusOf(second, "1002")).toBe(1);
    expect(await statusOf(second, "9007199254740993")).toBe(3);
    expect(await statusOf(second, "1001")).toBe(1);
  });

  it("refuses a second emulator on the same data file with one clear line", async () => {
    const dir = tempDir();
    const data = join(dir, "state.db");
    await start(data, seedFile(dir, 0));
    const second = runEmulator(["--data", data, "--quiet"]);
    expect(await second.exited).toEqual({ code: 1, signal: null });
    expect(second.stdoutLines).toEqual([]);
    expect(second.stderrLines).toHaveLength(1);
    expect(second.stderrLines[0]).toMatch(/^dmsflow-emulator: The data file .* is in use by another process/);
  });
});

describe("SIGKILL in the middle of a burst of writes", () => {
  // Killed at several points of the burst, so the kill lands inside a group commit some of the time.
  it.each([40, 90, 150, 210, 260])("loses no acknowledged change (killed after %i acknowledgements)", async (killAfter) => {
    const dir = tempDir();
    const data = join(dir, "state.db");
    const seed = seedFile(dir, BURST);
    const first = await start(data, seed);
    const ids = Array.from({ length: BURST }, (_, i) => String(9_007_199_254_800_000n + BigInt(i)));
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const lane = async () => {
      while (next < ids.length && !killed) {
        const id = ids[next++]!;
        let reply: Reply;
        try {
          reply = await call(first, "ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: id });
        } catch {
          continue; // the connection died with the process: not acknowledged
        }
        if (reply.json?.Success === true) acknowledged.push(id);
        if (acknowledged.length >= killAfter && !killed) {
          killed = true;
          first.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, lane));
    expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);

    const second = await start(data, seed);
    const statuses = await Promise.all(ids.map((id) => statusOf(second, id)));
    const lost = acknowledged.filter((id) => statuses[ids.indexOf(id)] !== 1);
    expect(lost).toEqual([]);
    // Every instance is in one of the two states: nothing torn.
    expect(statuses.every((s) => s === 1 || s === 2)).toBe(true);
  });
});

describe("replay after a restart", () => {
  it("refuses a captured signed write and read replayed after SIGKILL and a restart on the same file", async () => {
    const dir = tempDir();
    const data = join(dir, "state.db");
    const seed = seedFile(dir, 0);
    const first = await start(data, seed);
    const host = new URL(first.url).host;
    const write = signV3({ action: "ResumeTaskFlowInstance", params: { DagId: FLOW, DagInstanceId: "1002" }, key: KEYS.a, host });
    const read = signV3({ action: "ListTaskFlow", key: KEYS.a, host });
    expectSuccess(await sendRequest(first.url, write));
    expectSuccess(await sendRequest(first.url, read));
    first.child.kill("SIGKILL");
    await first.exited;

    const second = await start(data, seed);
    expectGatewayError(await sendRequest(second.url, write), "SignatureNonceUsed");
    expectGatewayError(await sendRequest(second.url, read), "SignatureNonceUsed");
    // A fresh nonce still works: only the used ones are kept.
    expectSuccess(await call(second, "ListTaskFlow", {}));
  });

  it("keeps nonces only while their signing time is accepted: expired ones are dropped from the file", async () => {
    const data = join(tempDir(), "state.db");
    let now = Date.parse("2026-03-01T00:00:00Z");
    const options = { data, clock: () => now };
    const first = await startTestEmulator(options);
    for (let i = 0; i < 3; i++) expectSuccess(await first.v3("ListTaskFlow"));
    await first.close();

    const again = await startTestEmulator(options);
    expect((await again.admin("GET", "stats")).json.noncesRemembered).toBe(3);
    await again.close();

    now += 16 * 60_000;
    const later = await startTestEmulator(options);
    expect((await later.admin("GET", "stats")).json.noncesRemembered).toBe(0);
    await later.close();
    const db = testDatabase(data, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM nonces").get()).toEqual({ n: 0 });
    db.close();
  });
});
