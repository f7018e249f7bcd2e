import { describe, expect, it } from "vitest";
import { statusOf, useCliTestContext } from "./fixtures/testContext.js";

const t = useCliTestContext();

describe("call", () => {
  it("sends any action with its wire parameters and prints JSON by default, int64 exact", async () => {
    const result = await t.cli([
      "call",
      "ListTaskFlowInstance",
      "--DagId",
      "9007199254740993",
      "--PageIndex",
      "1",
      "--PageSize",
      "10",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({
      Success: true,
      TotalCount: 1,
      DAGInstanceList: { DAGInstance: [{ Id: "9007199254740997", DagId: "9007199254740993" }] },
    });
    expect(result.stdout).toContain('"Id": "9007199254740997"');
  });

  it("changes state like the named commands", async () => {
    const result = await t.cli(["call", "ResumeTaskFlowInstance", "--DagId", "11", "--DagInstanceId=101"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ RequestId: expect.any(String), Success: true });
    expect(await statusOf(t.emulator, "101")).toBe(1);
  });

  it("prints path/value pairs for text and table", async () => {
    const text = await t.cli(["call", "GetUserActiveTenant", "-o", "text"]);
    expect(text.stdout).toMatch(
      /^RequestId\t[0-9A-F-]{36}\nSuccess\ttrue\nTenant\.Tid\t3\nTenant\.TenantName\tops\nTenant\.Status\tACTIVE\n$/,
    );
    const table = await t.cli(["call", "ListUserTenants", "-o", "table"]);
    expect(table.stdout).toMatch(/^FIELD\s+VALUE\nRequestId\s+[0-9A-F-]{36}\nSuccess\s+true\nTenantList\[0\]\.Tid\s+3\n/);
  });

  it("checks parameters against the spec before sending", async () => {
    const before = t.emulator.requests().length;
    const cases: Array<[string[], string]> = [
      [
        ["call", "ResumeTaskFlowInstance", "--DagId", "11"],
        "--DagInstanceId is required. Run 'dmsflow call ResumeTaskFlowInstance --help' for its parameters.",
      ],
      [
        ["call", "ResumeTaskFlowInstance", "--DagId", "x1", "--DagInstanceId", "3"],
        '--DagId must be an int64 integer; got "x1". Run',
      ],
      [
        ["call", "ListTaskFlowInstance", "--DagId", "11", "--PageIndex", "1", "--PageSize", "99999999999"],
        '--PageSize must be an int32 integer; got "99999999999".',
      ],
      [
        ["call", "ListTaskFlowInstance", "--DagId", "11", "--PageIndex", "1", "--PageSize", "5", "--UseBizDate", "yes"],
        '--UseBizDate must be true or false; got "yes".',
      ],
      [
        ["call", "ResumeTaskFlowInstance", "--DagID", "11"],
        "unknown parameter --DagID for ResumeTaskFlowInstance. Did you mean --DagId? Its parameters: --DagId, --DagInstanceId, --DagVersion, --Tid.",
      ],
      [["call", "ListUserTenants", "--Tid", "3", "--Tid", "4"], "--Tid is given more than once; give it once."],
    ];
    for (const [args, message] of cases) {
      const result = await t.cli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.startsWith(`error: ${message}`), result.stderr).toBe(true);
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
    expect(await t.emulator.requestsSince(before)).toEqual([]);
  });

  it("lists the actions of the operation table, and each action's parameters", async () => {
    const list = await t.cli(["call", "--help"]);
    expect(list.code).toBe(0);
    for (const action of ["ResumeTaskFlowInstance", "ListTaskFlowInstance", "GetTaskFlowGraph", "ListUserTenants"]) {
      expect(list.stdout).toMatch(new RegExp(`^  ${action} +\\S`, "m"));
    }
    const one = await t.cli(["call", "ListTaskFlowInstance", "--help"]);
    expect(one.stdout).toContain("  --DagId <int64>");
    expect(one.stdout).toContain("  --UseBizDate <true|false>");
    expect(one.stdout).toContain("dmsflow call ListTaskFlowInstance --DagId 12345 --PageIndex 1 --PageSize 1");
  });
});
