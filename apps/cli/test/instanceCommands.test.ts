import { describe, expect, it } from "vitest";
import { statusOf, useCliTestContext } from "./fixtures/testContext.js";

const t = useCliTestContext();

describe("resume (one instance)", () => {
  it("resumes and prints what happened, in each format", async () => {
    const table = await t.cli(["resume", "--dag-id", "11", "--instance-id", "101", "-o", "table"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Resumed instance 101 of task flow 11\. \(RequestId [0-9A-F-]{36}\)\n$/);
    expect(await statusOf(t.emulator, "101")).toBe(1);

    const json = await t.cli(["resume", "--dag-id", "11", "--instance-id", "102", "-o", "json"]);
    expect(JSON.parse(json.stdout)).toEqual({
      Action: "ResumeTaskFlowInstance",
      DagId: "11",
      DagInstanceId: "102",
      Success: true,
      Outcome: "resumed",
      RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
    });
  });

  it("keeps int64 IDs exact on the wire", async () => {
    const text = await t.cli(["resume", "--dag-id", "9007199254740993", "--instance-id", "9007199254740997"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ResumeTaskFlowInstance\t9007199254740993\t9007199254740997\t[0-9A-F-]{36}\n$/);
    expect(await statusOf(t.emulator, "9007199254740997")).toBe(1);
  });

  it("passes --tid and --dag-version", async () => {
    const result = await t.cli([
      "resume",
      "--dag-id",
      "12",
      "--instance-id",
      "301",
      "--tid",
      "4",
      "--dag-version",
      "3009",
      "-o",
      "json",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Tid).toBe("4");
    expect(await statusOf(t.emulator, "301")).toBe(1);
    const dryRun = await t.cli([
      "resume",
      "--dag-id",
      "12",
      "--instance-id",
      "301",
      "--tid",
      "4",
      "--dag-version",
      "3009",
      "--dry-run",
    ]);
    expect(dryRun.stdout.split("\n")[0]).toBe(`POST ${t.emulator.url}/?DagId=12&DagInstanceId=301&DagVersion=3009&Tid=4`);
  });

  it("a retry after a lost answer reports the instance running without claiming this run resumed it", async () => {
    // The first attempt is carried out but its answer never comes; --timeout ends the wait for it.
    await t.emulator.admin("PUT", "faults", { actions: { ResumeTaskFlowInstance: { loseResponse: 1, remaining: 1 } } });
    try {
      const table = await t.cli(["resume", "--dag-id", "11", "--instance-id", "101", "--timeout", "500ms", "-o", "table"]);
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).toMatch(
        /^Instance 101 of task flow 11 is running: an attempt's answer was lost and the retry was declined \(InvalidStatus\), so this run may or may not be the one that resumed it\. \(RequestId /,
      );
      expect(await statusOf(t.emulator, "101")).toBe(1);
    } finally {
      await t.emulator.admin("DELETE", "faults");
    }
  });

  it("reports a business failure in one line with exit code 1", async () => {
    const result = await t.cli(["resume", "--dag-id", "11", "--instance-id", "103"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toHaveLength(2);
    expect(result.stderr).toMatch(/^error: .*InvalidStatus.*103.*running/);
    const missing = await t.cli(["resume", "--dag-id", "11", "--instance-id", "999"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: .*999/);
  });
});

describe("suspend, stop, rerun, make-success", () => {
  it("each changes the instance and reports it", async () => {
    const cases: Array<[string[], string, number]> = [
      [["suspend", "--dag-id", "11", "--instance-id", "103"], "Suspended", 2],
      [["stop", "--dag-id", "11", "--instance-id", "106"], "Stopped", 3],
      [["rerun", "--dag-id", "11", "--instance-id", "105", "--dag-version", "2002"], "Reran", 1],
      [["make-success", "--dag-id", "11", "--instance-id", "104"], "Marked as succeeded", 4],
    ];
    for (const [args, verb, status] of cases) {
      const result = await t.cli([...args, "-o", "table"]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.startsWith(`${verb} instance ${args[4]} of task flow 11.`)).toBe(true);
      expect(await statusOf(t.emulator, args[4]!)).toBe(status);
    }
  });

  it("refuses flags they do not take", async () => {
    const result = await t.cli(["suspend", "--dag-id", "11", "--instance-id", "103", "--dag-version", "1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: unknown option --dag-version for 'dmsflow suspend'. Run 'dmsflow suspend --help' for usage.\n",
    );
  });
});

describe("wait", () => {
  it("returns at once for an instance that already runs, or already finished, with --until running", async () => {
    const running = await t.cli(["wait", "--dag-id", "11", "--instance-id", "103", "--until", "running", "-o", "json"]);
    expect(running.code).toBe(0);
    expect(JSON.parse(running.stdout)).toMatchObject({
      DagInstanceId: "103",
      Status: 1,
      StatusName: "running",
      Instance: { Id: "103" },
    });
    const done = await t.cli(["wait", "--dag-id", "11", "--instance-id", "105", "--until", "running"]);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/^105\tsucceeded\t\d+\.\d\n$/);
  });

  it("polls until the instance finishes; a failed one exits 1", async () => {
    const waiting = t.cli([
      "wait",
      "--dag-id",
      "11",
      "--instance-id",
      "103",
      "--until",
      "finished",
      "--interval",
      "100ms",
      "-o",
      "table",
    ]);
    await new Promise((resolve) => setTimeout(resolve, 700));
    await t.emulator.admin("PATCH", "instances/103", { status: 4 });
    const finished = await waiting;
    expect(finished.code).toBe(0);
    expect(finished.stdout).toMatch(/^Instance 103 of task flow 11 is succeeded \(waited \d+\.\ds\)\.\n$/);

    const failing = t.cli(["wait", "--dag-id", "11", "--instance-id", "102", "--until", "finished", "--interval", "100ms"]);
    await new Promise((resolve) => setTimeout(resolve, 700));
    await t.emulator.admin("PATCH", "instances/102", { status: 3 });
    const failed = await failing;
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^102\tfailed\t/);
    expect(failed.stderr).toBe("error: instance 102 of task flow 11 failed.\n");
  });

  it("gives up after --timeout with exit code 4", async () => {
    const result = await t.cli([
      "wait",
      "--dag-id",
      "11",
      "--instance-id",
      "101",
      "--until",
      "finished",
      "--timeout",
      "600ms",
      "--interval",
      "200ms",
    ]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      /^error: Gave up waiting for instance 101 of task flow 11 after 600 ms; last status 2 \(suspended\)\. Raise --timeout/,
    );
    expect(result.stderr.split("\n")).toHaveLength(2);
  });

  it("needs --until running or finished", async () => {
    const missing = await t.cli(["wait", "--dag-id", "11", "--instance-id", "101"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("error: --until running|finished is required. Run 'dmsflow wait --help' for usage.\n");
    const wrong = await t.cli(["wait", "--dag-id", "11", "--instance-id", "101", "--until", "done"]);
    expect(wrong.stderr).toBe('error: --until must be running or finished; got "done".\n');
  });
});
