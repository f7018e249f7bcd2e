import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DmsClient,
  DmsWaiterError,
  InstanceStatus,
  pollDelayMs,
  type WaitPollEvent,
  waitForTaskFlowInstance,
} from "../src/index.js";
import { type FaultyEmulator, FLOW, type SeedInstance, startFaultyEmulator } from "./fixtures/faultyEmulator.js";

// A flow with 100,000 runs over 100 days, newest first in ListTaskFlowInstance: 99,950 succeeded and
// 50 running on the last day, one of which is watched: on page 10 of the whole listing. Before, each
// poll read all 1,000 pages.
const RUNS = 100_000;
const DAYS = 100;
const FIRST_ID = 9007199254740993n;
const dayOf = (i: number) =>
  new Date(Date.UTC(2024, 0, 1) + Math.floor((i * DAYS) / RUNS) * 86_400_000).toISOString().slice(0, 10);
const idOf = (i: number) => (FIRST_ID + BigInt(i)).toString();
const WATCHED = RUNS - 950;
const running = (i: number) => i === WATCHED || i >= RUNS - 49;
const runs: SeedInstance[] = Array.from({ length: RUNS }, (_, i) => ({
  Id: idOf(i),
  status: running(i) ? InstanceStatus.running : InstanceStatus.succeeded,
  startTime: `${dayOf(i)} ${String(i % 24).padStart(2, "0")}:00:00`,
}));

let env: FaultyEmulator;
let client: DmsClient;
beforeAll(async () => {
  env = await startFaultyEmulator(runs);
  client = env.client({ timeoutMs: 15_000 });
}, 300_000);
afterAll(async () => {
  client?.destroy();
  await env?.close();
});

const listCalls = () => env.requests.filter((r) => r.action === "ListTaskFlowInstance").length;

describe("waitForTaskFlowInstance on a flow with 100,000 runs", () => {
  it("costs one ListTaskFlowInstance call per poll once the instance is found, and finds it after its status changes", async () => {
    const polls: WaitPollEvent[] = [];
    const before = listCalls();
    const done = await waitForTaskFlowInstance(client, {
      DagId: FLOW,
      DagInstanceId: idOf(WATCHED),
      until: [InstanceStatus.succeeded, InstanceStatus.completed],
      intervalMs: 1,
      maxIntervalMs: 4,
      timeoutMs: 120_000,
      onPoll(event) {
        polls.push(event);
        // Another operator's change, after six polls with the status unchanged.
        if (event.poll === 6) void env.setStatus(idOf(WATCHED), InstanceStatus.succeeded);
      },
    });
    expect(done).toMatchObject({ Id: idOf(WATCHED), Status: InstanceStatus.succeeded });
    const calls = polls.map((p) => p.calls);
    // Every call the emulator answered is one the waiter counted.
    expect(listCalls() - before).toBe(calls.reduce((a, b) => a + b, 0));
    const steady = polls.slice(1).filter((p) => p.status === InstanceStatus.running);
    expect(steady.length).toBeGreaterThanOrEqual(5);
    expect(steady.every((p) => p.calls === 1)).toBe(true);
    const last = polls.at(-1)!;
    expect(last.status).toBe(InstanceStatus.succeeded);
    // The change: the running page misses it, the first awaited status (succeeded, the same day) has it.
    expect(last.calls).toBeLessThanOrEqual(1 + 11);
    console.log(
      `wait on ${RUNS} runs: first find ${calls[0]} call(s), then ${steady.length} polls at ${steady.map((p) => p.calls).join("/")} call(s) each; the status change cost ${last.calls} calls (before: ${RUNS / 100} calls every poll)`,
    );
  });

  it("waits for any of a set of statuses, or for one status", async () => {
    const id = idOf(RUNS - 10);
    await expect(
      waitForTaskFlowInstance(client, {
        DagId: FLOW,
        DagInstanceId: id,
        until: [InstanceStatus.suspended, InstanceStatus.running],
      }),
    ).resolves.toMatchObject({ Status: InstanceStatus.running });
    await expect(
      waitForTaskFlowInstance(client, { DagId: FLOW, DagInstanceId: id, until: InstanceStatus.running }),
    ).resolves.toMatchObject({ Status: InstanceStatus.running });
  });

  it("gives up early, with its own code, on an instance that is not listed", async () => {
    // Saying "not there" takes the whole listing once per poll, so this runs on a flow of 250 runs
    // (3 pages) rather than 1,000 pages twice.
    const small = await startFaultyEmulator(runs.slice(0, 250));
    const smallClient = small.client();
    const polls: WaitPollEvent[] = [];
    try {
      const error = await waitForTaskFlowInstance(smallClient, {
        DagId: FLOW,
        DagInstanceId: idOf(RUNS + 5),
        until: [InstanceStatus.succeeded],
        intervalMs: 1,
        timeoutMs: 600_000,
        onPoll: (event) => polls.push(event),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DmsWaiterError);
      expect(error).toMatchObject({ code: "WaiterInstanceNotFound", lastStatus: undefined });
      expect((error as Error).message).toBe(
        `Instance ${idOf(RUNS + 5)} of task flow ${FLOW} is not listed by ListTaskFlowInstance (2 polls, 6 calls); check DagInstanceId, DagId and Tid.`,
      );
      expect(polls.map((p) => [p.status, p.calls])).toEqual([
        [undefined, 3],
        [undefined, 3],
      ]);
      expect(polls[1]!.nextDelayMs).toBeUndefined();
    } finally {
      smallClient.destroy();
      await small.close();
    }
  });
});

describe("pollDelayMs", () => {
  it("doubles per poll up to the cap, with equal jitter between half and all of it", () => {
    expect([1, 2, 3, 4, 5, 6].map((poll) => pollDelayMs(poll, 2_000, 30_000, 1))).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((poll) => pollDelayMs(poll, 2_000, 30_000, 0))).toEqual([
      1_000, 2_000, 4_000, 8_000, 15_000, 15_000,
    ]);
    expect(pollDelayMs(1_000, 2_000, 30_000, 0.5)).toBe(22_500);
  });
});
