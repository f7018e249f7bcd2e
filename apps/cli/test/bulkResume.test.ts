import { describe, expect, it } from "vitest";
import { BULK_DAG_ID, bulkInstanceIds, bulkSeed } from "./fixtures/bulkSeed.js";
import type { EmulatorProcess, LoggedRequest } from "./fixtures/emulatorProcess.js";
import { useCliTestContext } from "./fixtures/testContext.js";

const COUNT = 500;
const IDS = bulkInstanceIds(COUNT);
const t = useCliTestContext({ seed: bulkSeed(COUNT) });

interface Summary {
  DagId: string;
  Suspended: number;
  Resumed: string[];
  AlreadyRunning: { DagInstanceId: string; Status: number; OurAttemptMayHaveApplied: boolean }[];
  Declined: { DagInstanceId: string; Status: number }[];
  Failed: { DagInstanceId: string; Code: string; Message: string }[];
  NotAttempted: string[];
  Interrupted: boolean;
}

const resumeAll = (...extra: string[]) =>
  t.cli(["resume", "--dag-id", BULK_DAG_ID, "--all-suspended", "--concurrency", "16", "--max-rate", "100000", ...extra]);

async function statuses(emulator: EmulatorProcess): Promise<Map<string, number>> {
  const { instances } = (await emulator.admin("GET", `inspect/instances?DagId=${BULK_DAG_ID}&limit=10000`)) as {
    instances: { Id: string; status: number }[];
  };
  return new Map(instances.map((i) => [i.Id, i.status]));
}

/** Resume requests answered with success: each changed one instance from suspended to running. */
function successfulResumes(requests: readonly LoggedRequest[]): number {
  return requests.filter((r) => r.action === "ResumeTaskFlowInstance" && r.status === 200 && !r.code && !r.fault).length;
}

/** Resume requests carried out whose answer a fault threw away (the log cannot tell whether the instance was still suspended). */
function lostResponses(requests: readonly LoggedRequest[]): number {
  return requests.filter((r) => r.action === "ResumeTaskFlowInstance" && r.fault === "loseResponse").length;
}

/** Every instance is in exactly one list of the summary, and only once. */
function expectEachReportedOnce(summary: Summary): void {
  const reported = [
    ...summary.Resumed,
    ...summary.AlreadyRunning.map((s) => s.DagInstanceId),
    ...summary.Declined.map((s) => s.DagInstanceId),
    ...summary.Failed.map((f) => f.DagInstanceId),
    ...summary.NotAttempted,
  ];
  expect(reported).toHaveLength(COUNT);
  expect([...new Set(reported)].sort()).toEqual([...IDS].sort());
}

describe(`resume --all-suspended with ${COUNT} instances at concurrency 16`, () => {
  it("resumes every one exactly once; running it again finds nothing to do", async () => {
    const before = t.emulator.requests().length;
    const result = await resumeAll("-o", "json");
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as Summary;
    expect(summary).toMatchObject({
      DagId: BULK_DAG_ID,
      Suspended: COUNT,
      AlreadyRunning: [],
      Declined: [],
      Failed: [],
      NotAttempted: [],
      Interrupted: false,
    });
    expectEachReportedOnce(summary);
    const after = await statuses(t.emulator);
    for (const id of IDS) expect(after.get(id)).toBe(1);
    expect(after.get("1")).toBe(1);
    expect(after.get("2")).toBe(3);
    const requests = await t.emulator.requestsSince(before);
    expect(requests.filter((r) => r.action === "ResumeTaskFlowInstance")).toHaveLength(COUNT);
    expect(successfulResumes(requests)).toBe(COUNT);

    const again = await resumeAll("-o", "table");
    expect(again).toMatchObject({ code: 0, stdout: `No suspended instances in task flow ${BULK_DAG_ID}; nothing to resume.\n` });
  });

  it("with 30% mixed faults, one command ends with every instance running, each reported by what is known", async () => {
    await t.emulator.admin("PUT", "faults", {
      seed: 20261125,
      actions: {
        "*": { error500: 0.05, error503: 0.05, throttle: 0.05, drop: 0.05, loseResponse: 0.05, resetAfterApply: 0.05 },
      },
    });
    const before = t.emulator.requests().length;
    // A lost answer is noticed after --timeout; the pass then lists again and settles each instance.
    const result = await resumeAll("--timeout", "1s", "-o", "json");
    await t.emulator.admin("DELETE", "faults");
    const summary = JSON.parse(result.stdout) as Summary;
    expect(result.code, result.stderr).toBe(0);
    expect(summary).toMatchObject({ Failed: [], Declined: [], NotAttempted: [], Interrupted: false });
    expectEachReportedOnce(summary);
    const after = await statuses(t.emulator);
    for (const id of IDS) expect(after.get(id), id).toBe(1);
    const requests = await t.emulator.requestsSince(before);
    expect(requests.some((r) => r.fault === "loseResponse") && requests.some((r) => r.fault === "resetAfterApply")).toBe(true);
    // Each answered success is one resume of ours, and only those are claimed.
    expect(summary.Resumed).toHaveLength(successfulResumes(requests));
    expect(summary.Resumed.length + lostResponses(requests)).toBeGreaterThan(0);
    for (const e of summary.AlreadyRunning) expect(e).toMatchObject({ Status: 1, OurAttemptMayHaveApplied: true });
  });

  it("exits 5 when some stay suspended after every round, lists them, and a second run resumes them", async () => {
    await t.emulator.admin("PUT", "faults", { actions: { ResumeTaskFlowInstance: { error500: 1 } } });
    const result = await resumeAll("--retries", "0", "-o", "table");
    await t.emulator.admin("DELETE", "faults");
    expect(result.code).toBe(5);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(
      new RegExp(`^Resumed 0 of ${COUNT} suspended instances of task flow ${BULK_DAG_ID}, ${COUNT} still suspended in \\d`),
    );
    expect(lines[2]).toMatch(/^FAILED ID\s+ERROR$/);
    expect(lines.filter((l) => /^9007\d+\s+ResumeTaskFlowInstance failed: InternalError \(HTTP 500\)/.test(l))).toHaveLength(
      COUNT,
    );
    expect(result.stdout).toContain("These stayed suspended after 4 rounds. Run the same command again");
    expect(result.stderr).toBe("");

    const text = await resumeAll("-o", "text");
    expect(text.code).toBe(0);
    expect(
      new Set(
        text.stdout
          .trimEnd()
          .split("\n")
          .map((l) => l.split("\t")[0]),
      ),
    ).toEqual(new Set(["resumed"]));
  });

  it("stops on Ctrl-C: prints what it did, exits 130, and a second run finishes the job", async () => {
    // 20 per second over 500 instances would take 25 s; the interrupt comes after about 3 s (start-up
    // and the first listing take a good part of that on a loaded 2-core machine).
    const slow = ["resume", "--dag-id", BULK_DAG_ID, "--all-suspended", "--max-rate", "20", "-o", "json"];
    const result = await t.cli(slow, {}, { interruptAfterMs: 3000 });
    expect(result.code, result.stderr).toBe(130);
    const summary = JSON.parse(result.stdout) as Summary;
    expect(summary.Interrupted).toBe(true);
    expect(summary.Resumed.length).toBeGreaterThan(0);
    expect(summary.NotAttempted.length).toBeGreaterThan(300);
    expectEachReportedOnce(summary);

    const rest = await resumeAll("-o", "json");
    expect(rest.code).toBe(0);
    const after = await statuses(t.emulator);
    for (const id of IDS) expect(after.get(id)).toBe(1);
    for (const id of summary.Resumed) expect((JSON.parse(rest.stdout) as Summary).Resumed).not.toContain(id);
  });
});
