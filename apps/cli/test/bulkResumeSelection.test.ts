import { describe, expect, it } from "vitest";
import { statusOf, useCliTestContext } from "./fixtures/testContext.js";

// The fixture seed: task flow 11 has suspended instances 101 (started 2024-01-10) and 102 (2024-01-11),
// and 103 running; task flow 9007199254740993 has suspended 9007199254740997.
const t = useCliTestContext();

const resumes = (since: number) =>
  t.emulator
    .requests()
    .slice(since)
    .filter((r) => r.action === "ResumeTaskFlowInstance");

describe("resume in bulk: selection and dry run", () => {
  it("--dry-run lists what --all-suspended would resume and changes nothing", async () => {
    const before = t.emulator.requests().length;
    const json = await t.cli(["resume", "--dag-id", "11", "--all-suspended", "--dry-run", "-o", "json"]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ DagId: "11", DryRun: true, WouldResume: ["102", "101"], NotFound: [] });
    const text = await t.cli(["resume", "--dag-id", "11", "--all-suspended", "--dry-run"]);
    expect(text.stdout).toBe("would-resume\t102\t2024-01-11 01:00:00\nwould-resume\t101\t2024-01-10 01:00:00\n");
    expect(resumes(before)).toEqual([]);
    expect(await statusOf(t.emulator, "101")).toBe(2);
  });

  it("--since and --until select by start day", async () => {
    const r = await t.cli([
      "resume",
      "--dag-id",
      "11",
      "--all-suspended",
      "--since",
      "2024-01-11",
      "--until",
      "2024-01-31",
      "-o",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ Resumed: ["102"], NotFound: [] });
    expect(await statusOf(t.emulator, "101")).toBe(2);
    const swapped = await t.cli([
      "resume",
      "--dag-id",
      "11",
      "--all-suspended",
      "--since",
      "2024-02-01",
      "--until",
      "2024-01-01",
    ]);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toBe("error: --since 2024-02-01 is after --until 2024-01-01; swap them.\n");
  });

  it("resumes several --instance-id flags, reporting a given ID that is not suspended (exit 5)", async () => {
    const before = t.emulator.requests().length;
    const r = await t.cli(["resume", "--dag-id", "11", "--instance-id", "101", "--instance-id", "103", "-o", "json"]);
    expect(r.code).toBe(5);
    expect(JSON.parse(r.stdout)).toMatchObject({ Resumed: ["101"], NotFound: ["103"] });
    expect(resumes(before)).toHaveLength(1);
    expect(await statusOf(t.emulator, "102")).toBe(2);
  });

  it("reads IDs from standard input with --instance-id -, each checked as an int64", async () => {
    const r = await t.cli(["resume", "--dag-id", "11", "--instance-id", "-", "-o", "text"], {}, { input: "101\n\n  102 101\n" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split("\n").filter(Boolean).sort()).toEqual(["resumed\t101", "resumed\t102"]);
    const big = await t.cli(
      ["resume", "--dag-id", "9007199254740993", "--instance-id", "-", "--dry-run", "-o", "json"],
      {},
      { input: "9007199254740997\n" },
    );
    expect(JSON.parse(big.stdout).WouldResume).toEqual(["9007199254740997"]);
    const bad = await t.cli(["resume", "--dag-id", "11", "--instance-id", "-"], {}, { input: "101\n10x2\n" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --instance-id (standard input, line 2) must be a whole number such as 12345; got "10x2".\n');
    const empty = await t.cli(["resume", "--dag-id", "11", "--instance-id", "-"], {}, { input: "\n" });
    expect(empty.stderr).toContain("read no IDs from standard input");
  });

  it("one --instance-id with --dry-run still prints the signed request and sends nothing", async () => {
    const r = await t.cli(["resume", "--dag-id", "11", "--instance-id", "101", "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ResumeTaskFlowInstance");
    expect(await statusOf(t.emulator, "101")).toBe(2);
  });
});
