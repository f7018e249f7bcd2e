import { describe, expect, it } from "vitest";
import { useCliTestContext } from "./fixtures/testContext.js";

const t = useCliTestContext({ reseedEachTest: false });

describe("tenants", () => {
  it("marks the active tenant in every format", async () => {
    const json = await t.cli(["tenants", "--output", "json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      { Tid: "3", TenantName: "ops", Status: "ACTIVE", Active: true },
      { Tid: "4", TenantName: "分析", Status: "IN_ACTIVE", Active: false },
    ]);
    const text = await t.cli(["tenants"]);
    expect(text.stdout).toBe("3\tops\tACTIVE\tactive\n4\t分析\tIN_ACTIVE\t-\n");
    const table = await t.cli(["tenants", "-o", "table"]);
    expect(table.stdout).toBe("TID  NAME  STATUS     ACTIVE\n3    ops   ACTIVE     *\n4    分析  IN_ACTIVE\n");
    expect(table.stderr).toBe("");
  });
});

describe("task-flows", () => {
  it("lists the flows of the active tenant, or of --tid, with int64 IDs exact", async () => {
    const json = await t.cli(["task-flows", "-o", "json"]);
    expect(json.code).toBe(0);
    const ids = (JSON.parse(json.stdout) as { Id: string }[]).map((f) => f.Id);
    expect(ids).toEqual(expect.arrayContaining(["11", "9007199254740993"]));
    expect(ids).not.toContain("12");
    const other = await t.cli(["task-flows", "--tid", "4"]);
    expect(other.stdout.split("\t")[0]).toBe("12");
    const table = await t.cli(["task-flows", "-o", "table"]);
    expect(table.stdout).toMatch(/^DAG ID\s+SCHEDULING\s+LATEST RUN/);
    expect(table.stdout).toContain("9007199254740993");
  });
});

describe("versions", () => {
  it("lists versions, escaping control characters in table and text", async () => {
    const json = await t.cli(["versions", "--dag-id", "11", "-o", "json"]);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { VersionId: string; VersionComments: string }[]).map((v) => v.VersionComments)).toContain(
      "tab\there",
    );
    const text = await t.cli(["versions", "--dag-id", "11"]);
    expect(text.stdout).toContain("tab\\there");
    expect(
      text.stdout
        .split("\n")
        .filter(Boolean)
        .every((line) => line.split("\t").length === 5),
    ).toBe(true);
    const table = await t.cli(["versions", "--dag-id", "11", "-o", "table"]);
    expect(table.stdout).toMatch(
      /^VERSION ID\s+PREVIOUS\s+NAME\s+OWNER\s+COMMENTS\n2002\s+2001\s+orders_etl\s+alice\s+tab\\there\n/,
    );
    const big = await t.cli(["versions", "--dag-id", "9007199254740993", "-o", "json"]);
    expect(JSON.parse(big.stdout)[0].VersionId).toBe("9007199254740995");
  });
});

describe("instances", () => {
  it("follows every page (page size 2) and keeps the order of the API", async () => {
    const before = t.emulator.requests().length;
    const json = await t.cli(["instances", "--dag-id", "11", "--page-size", "2", "-o", "json"]);
    expect(json.code).toBe(0);
    const ids = (JSON.parse(json.stdout) as { Id: string }[]).map((i) => i.Id);
    expect([...ids].sort()).toEqual(["101", "102", "103", "104", "105", "106", "107"]);
    const calls = await t.emulator.requestsSince(before);
    // 7 instances in pages of 2: 2 + 2 + 2 + 1, and the short page ends it.
    expect(calls.map((r) => r.action)).toEqual(Array(4).fill("ListTaskFlowInstance"));
  });

  it("filters by status name and prints int64 IDs exactly in every format", async () => {
    const json = await t.cli(["instances", "--dag-id", "9007199254740993", "--status", "suspended", "-o", "json"]);
    expect(json.stdout).toContain('"Id": "9007199254740997"');
    expect(JSON.parse(json.stdout)[0].Status).toBe(2);
    const text = await t.cli(["instances", "--dag-id", "9007199254740993", "--status", "suspended"]);
    expect(text.stdout.split("\t").slice(0, 2)).toEqual(["9007199254740997", "suspended"]);
    const table = await t.cli(["instances", "--dag-id", "9007199254740993", "--status", "2", "-o", "table"]);
    expect(table.stdout).toMatch(/^ID\s+STATUS/);
    expect(table.stdout).toContain("9007199254740997  suspended");
    expect(table.stdout).toContain("1 suspended instance of task flow 9007199254740993.");
  });

  it("filters by dates and escapes control characters (one instance per line)", async () => {
    const text = await t.cli(["instances", "--dag-id", "11", "--since", "2024-01-13", "--until", "2024-01-13"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      "104\tfailed\t2002\tscheduled\t2024-01-13 01:00:00\t2024-01-13 02:00:00\t-\tnode\\tload failed\\n\\x1b[31mred\\x1b[0m\n",
    );
    const table = await t.cli(["instances", "--dag-id", "11", "--since", "2024-01-13", "--until", "2024-01-13", "-o", "table"]);
    expect(table.stdout).not.toContain("\x1b");
  });

  it("says so when nothing matches; json prints an empty array", async () => {
    expect(
      (await t.cli(["instances", "--dag-id", "11", "--status", "suspended", "--since", "2030-01-01", "-o", "table"])).stdout,
    ).toBe("No suspended instances of task flow 11.\n");
    expect((await t.cli(["instances", "--dag-id", "11", "--since", "2030-01-01", "-o", "json"])).stdout).toBe("[]\n");
    expect((await t.cli(["instances", "--dag-id", "11", "--since", "2030-01-01"])).stdout).toBe("");
  });
});
