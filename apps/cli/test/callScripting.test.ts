import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useCliTestContext } from "./fixtures/testContext.js";

const t = useCliTestContext({ reseedEachTest: false });
const dir = mkdtempSync(join(tmpdir(), "dmsflow-call-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("call --pager", () => {
  it("fetches every page of a paged action and merges its list into the first response", async () => {
    const before = t.emulator.requests().length;
    const r = await t.cli(["call", "ListTaskFlowInstance", "--DagId", "11", "--PageSize", "2", "--pager"]);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout) as { TotalCount: number; DAGInstanceList: { DAGInstance: { Id: string }[] } };
    expect(body.DAGInstanceList.DAGInstance.map((i) => i.Id).sort()).toEqual(["101", "102", "103", "104", "105", "106", "107"]);
    expect(body.TotalCount).toBe(7);
    const calls = (await t.emulator.requestsSince(before)).filter((q) => q.action === "ListTaskFlowInstance");
    expect(calls).toHaveLength(4);
  });

  it("names the paged actions when the action does not page", async () => {
    const r = await t.cli(["call", "ListUserTenants", "--pager"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --pager: ListUserTenants does not page; the actions that do: .*ListTaskFlowInstance/);
  });
});

describe("call --cli-input-json and --generate-cli-skeleton", () => {
  it("prints a skeleton from the descriptor, int64 parameters as strings, and calls nothing", async () => {
    const before = t.emulator.requests().length;
    const r = await t.cli(["call", "ResumeTaskFlowInstance", "--generate-cli-skeleton", "-o", "text"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ DagId: "", DagInstanceId: "", DagVersion: "", Tid: "" });
    const paged = JSON.parse((await t.cli(["call", "ListTaskFlowInstance", "--generate-cli-skeleton"])).stdout);
    expect(paged).toMatchObject({ DagId: "", PageIndex: 0, PageSize: 0, UseBizDate: false });
    expect(await t.emulator.requestsSince(before)).toEqual([]);
  });

  it("takes parameters inline or from file://, int64 exact, --Name flags overriding", async () => {
    const inline = await t.cli([
      "call",
      "ListTaskFlowInstance",
      "--cli-input-json",
      '{"DagId": 9007199254740993, "PageIndex": 1, "PageSize": 10}',
      "--query",
      "DAGInstanceList.DAGInstance[].Id",
    ]);
    expect(inline.code, inline.stderr).toBe(0);
    expect(JSON.parse(inline.stdout)).toEqual(["9007199254740997"]);
    const file = join(dir, "input.json");
    writeFileSync(file, JSON.stringify({ DagId: "9007199254740993", PageIndex: 1, PageSize: 10, Status: 4 }));
    const fromFile = await t.cli([
      "call",
      "ListTaskFlowInstance",
      "--cli-input-json",
      `file://${file}`,
      "--Status",
      "2",
      "--query",
      "DAGInstanceList.DAGInstance[].Id",
    ]);
    expect(JSON.parse(fromFile.stdout)).toEqual(["9007199254740997"]);
  });

  it("names an unknown parameter, bad JSON and a missing file", async () => {
    const unknown = await t.cli(["call", "ListUserTenants", "--cli-input-json", '{"Tidd": 3}']);
    expect(unknown.stderr).toBe('error: --cli-input-json: ListUserTenants has no parameter "Tidd"; its parameters: Tid.\n');
    const bad = await t.cli(["call", "ListUserTenants", "--cli-input-json", "{"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --cli-input-json is not valid JSON: /);
    const missing = await t.cli(["call", "ListUserTenants", "--cli-input-json", `file://${join(dir, "nope.json")}`]);
    expect(missing.stderr).toBe(`error: --cli-input-json cannot read ${join(dir, "nope.json")}: ENOENT.\n`);
  });
});
