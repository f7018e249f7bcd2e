import { afterEach, describe, expect, it, vi } from "vitest";
import { type ResumeSuspendedInstancesResult, resumeSuspendedInstances } from "../src/index.js";
import { type FaultyEmulator, FLOW, startFaultyEmulator, suspendedInstances } from "./fixtures/faultyEmulator.js";

// Hundreds of calls with injected lost responses (each waits for the client's timeout): minutes on a
// loaded CI machine, where the 30 s default cut a correct run short.
vi.setConfig({ testTimeout: 180_000 });

let env: FaultyEmulator | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const MIXED_30 = {
  seed: 20260113,
  actions: {
    "*": { error500: 0.05, error503: 0.05, throttle: 0.05, drop: 0.05, loseResponse: 0.05, resetAfterApply: 0.05 },
  },
};

/** Every selected instance is in exactly one category. */
function categories(result: ResumeSuspendedInstancesResult): Map<string, string> {
  const out = new Map<string, string>();
  const put = (id: string, category: string) => {
    expect(out.has(id), `instance ${id} reported twice`).toBe(false);
    out.set(id, category);
  };
  for (const id of result.resumed) put(id, "resumed");
  for (const e of result.alreadyRunning) put(e.id, "alreadyRunning");
  for (const e of result.declined) put(e.id, "declined");
  for (const e of result.failed) put(e.id, "failed");
  for (const id of result.pending) put(id, "pending");
  return out;
}

/** Outcomes that contradict what happened: a claim without a Success answer, a "failed" one that runs... */
function misreported(
  result: ResumeSuspendedInstancesResult,
  successAnswers: readonly string[],
  final: Map<string, number>,
): string[] {
  const answered = new Set(successAnswers);
  const wrong: string[] = [];
  for (const [id, category] of categories(result)) {
    const status = final.get(id);
    if (category === "resumed" && !answered.has(id)) wrong.push(`${id}: claimed resumed without a Success answer`);
    if (category !== "resumed" && answered.has(id)) wrong.push(`${id}: got a Success answer but reported ${category}`);
    if (category === "alreadyRunning" && status !== 1) wrong.push(`${id}: reported running, is ${status}`);
    if (category === "failed" && status !== 2) wrong.push(`${id}: reported failed (still suspended), is ${status}`);
  }
  for (const e of result.declined) if (final.get(e.id) !== e.status) wrong.push(`${e.id}: declined with status ${e.status}`);
  return wrong;
}

/** Instances that got more than one Success answer (each such answer is one applied resume). */
function doubleResumes(successAnswers: readonly string[]): number {
  return successAnswers.length - new Set(successAnswers).size;
}

describe("resumeSuspendedInstances under faults (real emulator)", () => {
  it("1,000 suspended, 30% mixed faults: one run ends with all running, each reported by what is known", async () => {
    const instances = suspendedInstances(1000);
    env = await startFaultyEmulator(instances);
    await env.setFaults(MIXED_30);
    const successes: string[] = [];
    const client = env.client({}, successes);
    const started = performance.now();
    const result = await resumeSuspendedInstances(client, { DagId: FLOW, concurrency: 16, maxRate: 2000 });
    const wallMs = performance.now() - started;
    await env.setFaults(undefined);
    const final = await env.statuses();
    const running = instances.filter((i) => final.get(i.Id) === 1).length;
    const wrong = misreported(result, successes, final);
    const apiCalls = env.requests.filter((r) => r.action !== undefined).length;
    console.log(
      `[figures] bulk 1000 @30% faults: running ${running}, misreported ${wrong.length}, double resumes ${doubleResumes(successes)}, ` +
        `wall ${Math.round(wallMs)} ms, API requests ${apiCalls} (resume calls ${result.resumeCalls}, list pages ${result.listCalls}), ` +
        `rounds ${result.rounds}, resumed ${result.resumed.length}, alreadyRunning ${result.alreadyRunning.length}, ` +
        `declined ${result.declined.length}, failed ${result.failed.length}`,
    );
    expect(env.requests.some((r) => r.fault === "loseResponse") && env.requests.some((r) => r.fault === "resetAfterApply")).toBe(
      true,
    );
    expect(wrong).toEqual([]);
    expect(running).toBe(1000);
    expect(doubleResumes(successes)).toBe(0);
    expect(result).toMatchObject({ failed: [], declined: [], pending: [], aborted: false });
    expect(categories(result).size).toBe(1000);
    // Nobody else touched the flow: whatever is running without our Success answer, one of our attempts may have resumed.
    for (const e of result.alreadyRunning) expect(e.ourAttemptMayHaveApplied, e.id).toBe(true);
    client.destroy();
  });

  it("two concurrent runs under faults: no instance is claimed resumed by both", async () => {
    const instances = suspendedInstances(1000);
    env = await startFaultyEmulator(instances);
    await env.setFaults(MIXED_30);
    const [successesA, successesB]: string[][] = [[], []];
    const [a, b] = [env.client({}, successesA), env.client({}, successesB)];
    const options = { DagId: FLOW, concurrency: 8, maxRate: 2000 };
    const [ra, rb] = await Promise.all([resumeSuspendedInstances(a, options), resumeSuspendedInstances(b, options)]);
    await env.setFaults(undefined);
    const final = await env.statuses();
    const both = ra.resumed.filter((id) => new Set(rb.resumed).has(id));
    const running = instances.filter((i) => final.get(i.Id) === 1).length;
    const wrong = [...misreported(ra, successesA, final), ...misreported(rb, successesB, final)];
    console.log(
      `[figures] two concurrent runs @30% faults: claimed resumed by both ${both.length}, running ${running}, misreported ${wrong.length}, ` +
        `A resumed ${ra.resumed.length} + B resumed ${rb.resumed.length}`,
    );
    expect(both).toEqual([]);
    expect(doubleResumes([...successesA, ...successesB])).toBe(0);
    expect(wrong).toEqual([]);
    expect(running).toBe(1000);
    expect(ra.failed.length + rb.failed.length).toBe(0);
    a.destroy();
    b.destroy();
  });

  it("finds an instance older than 6,000 running ones by narrowing, in a few list calls", async () => {
    const old = { Id: "7", status: 2, startTime: "2023-06-01 08:00:00" };
    const newer = Array.from({ length: 6000 }, (_, i) => ({
      Id: String(1000 + i),
      status: 1,
      startTime: `2024-02-${String(1 + (i % 28)).padStart(2, "0")} 10:00:00`,
    }));
    env = await startFaultyEmulator([old, ...newer]);
    await env.setFaults({ actions: { ResumeTaskFlowInstance: { resetAfterApply: 1, remaining: 1 } } });
    const client = env.client();
    const result = await resumeSuspendedInstances(client, { DagId: FLOW });
    expect(result.alreadyRunning).toMatchObject([{ id: "7", status: 1, ourAttemptMayHaveApplied: true }]);
    expect(result).toMatchObject({ resumed: [], declined: [], failed: [] });
    expect(result.listCalls).toBeLessThanOrEqual(3);

    // One instance, given its start time: the same narrowing (its answer lost this time).
    await env.setStatus("7", 2);
    await env.setFaults({ actions: { ResumeTaskFlowInstance: { loseResponse: 1, remaining: 1 } } });
    const before = env.requests.length;
    const single = env.client();
    const out = await single.resumeTaskFlowInstance({ DagId: FLOW, DagInstanceId: 7 }, { startTime: old.startTime });
    expect(out).toMatchObject({ Success: true, recovered: { status: 1, errorCode: "InvalidStatus", unknownOutcomeAttempts: 1 } });
    expect(env.requests.slice(before).filter((r) => r.action === "ListTaskFlowInstance")).toHaveLength(1);
    single.destroy();
    client.destroy();
  });
});

describe("DmsClient.resumeTaskFlowInstance (real emulator)", () => {
  it("claims nothing for an instance that was never suspended, even after an attempt with an unknown outcome", async () => {
    env = await startFaultyEmulator([{ Id: "41", status: 4, startTime: "2024-01-01 00:00:00" }]);
    await env.setFaults({ actions: { ResumeTaskFlowInstance: { error500: 1, remaining: 1 } } });
    const client = env.client();
    const error = await client.resumeTaskFlowInstance({ DagId: FLOW, DagInstanceId: 41 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DmsBusinessError", code: "InvalidStatus", unknownOutcomeAttempts: 1 });
    expect((error as Error).message).toMatch(/it is not running now\.$/);
    client.destroy();
  });

  it("reports a lost answer as recovered (running, maybe by us), never as an answered success", async () => {
    env = await startFaultyEmulator(suspendedInstances(1));
    await env.setFaults({ actions: { ResumeTaskFlowInstance: { loseResponse: 1, remaining: 1 } } });
    const successes: string[] = [];
    const client = env.client({}, successes);
    const out = await client.resumeTaskFlowInstance({ DagId: FLOW, DagInstanceId: "9007199254740993" });
    expect(out).toMatchObject({ Success: true, recovered: { status: 1, errorCode: "InvalidStatus" } });
    expect(successes).toEqual([]);
    client.destroy();
  });
});
