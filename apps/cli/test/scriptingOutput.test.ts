import { describe, expect, it } from "vitest";
import { useCliTestContext } from "./fixtures/testContext.js";

const t = useCliTestContext({ reseedEachTest: false });

describe("--query", () => {
  it("applies a JMESPath expression to a listing's JSON, int64 ids exact", async () => {
    const ids = await t.cli(["instances", "--dag-id", "9007199254740993", "--query", "[].Id", "-o", "json"]);
    expect(ids.code).toBe(0);
    expect(ids.stdout).toBe('[\n  "9007199254740997"\n]\n');
    const text = await t.cli(["instances", "--dag-id", "11", "--query", "[?Status==`2`].[Id,Status]", "-o", "text"]);
    expect(text.stdout).toBe("102\t2\n101\t2\n"); // newest first, as the API lists
  });

  it("applies to a call's response, and a table of objects takes their keys as columns", async () => {
    const tenants = await t.cli([
      "call",
      "ListUserTenants",
      "--query",
      "TenantList[].{Tid: Tid, Name: TenantName}",
      "-o",
      "table",
    ]);
    expect(tenants.code).toBe(0);
    expect(tenants.stdout).toBe("Tid  Name\n3    ops\n4    分析\n");
    const scalar = await t.cli(["call", "ListUserTenants", "--query", "length(TenantList)", "-o", "text"]);
    expect(scalar.stdout).toBe("2\n");
  });

  it("names a bad expression and the parser's message, before any call", async () => {
    const before = t.emulator.requests().length;
    const bad = await t.cli(["instances", "--dag-id", "11", "--query", "[?Status=="]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --query "\[\?Status==" is not a valid JMESPath expression: .*Syntax error/);
    expect(t.emulator.requests().length).toBe(before);
  });
});

describe("--output cols= rows=", () => {
  it("prints the chosen columns of the rows, as the aliyun CLI (two tokens, one token, commas)", async () => {
    const expected = "Id                Status\n9007199254740997  2\n";
    for (const output of [
      ["--output", "cols=Id,Status", "rows=DAGInstanceList.DAGInstance[]"],
      ["--output", "cols=Id,Status rows=DAGInstanceList.DAGInstance[]"],
      ["--output=cols=Id,Status,rows=DAGInstanceList.DAGInstance[]"],
    ]) {
      const r = await t.cli([
        "call",
        "ListTaskFlowInstance",
        "--DagId",
        "9007199254740993",
        "--PageIndex",
        "1",
        "--PageSize",
        "10",
        ...output,
      ]);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(expected);
    }
  });

  it("takes a listing's items as rows by default, numbers rows with num=true, and comes before the command too", async () => {
    const r = await t.cli(["--output", "cols=Id,Status", "num=true", "instances", "--dag-id", "11", "--status", "suspended"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Num  Id   Status\n0    102  2\n1    101  2\n");
  });

  it("indexes array rows by name:index after --query", async () => {
    const r = await t.cli(["tenants", "--query", "[].[Tid, TenantName]", "--output", "cols=tid:0,name:1"]);
    expect(r.stdout).toBe("tid  name\n3    ops\n4    分析\n");
  });

  it("names an unknown column with the ones there are, and a rows path that selects nothing", async () => {
    const unknown = await t.cli(["instances", "--dag-id", "11", "--output", "cols=Id,Statsu"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^error: --output cols=: unknown column "Statsu" \(did you mean Status\?\); the rows of the result have .*Id.*Status/,
    );
    const nothing = await t.cli(["call", "ListUserTenants", "--output", "cols=Tid", "rows=Tenants[]"]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain(
      "error: --output rows=Tenants[] selects nothing. The result's fields: RequestId, Success, TenantList",
    );
    const badPart = await t.cli(["tenants", "--output", "cols=Tid rows"]);
    expect(badPart.stderr).toContain('unknown part "rows"');
  });
});
