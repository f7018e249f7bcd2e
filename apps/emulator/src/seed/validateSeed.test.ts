import { describe, expect, it } from "vitest";
import { parseSeedText } from "./loadSeed.js";
import { validateSeed } from "./validateSeed.js";
import type { InstanceRow } from "./validSeed.js";

const rows = (seed: ReturnType<typeof validateSeed>) => {
  const out: InstanceRow[] = [];
  seed.instances.forEach((row) => {
    out.push(row);
  });
  return out;
};

describe("validateSeed", () => {
  it("normalizes IDs to bigint and times to the API's format, with defaults", () => {
    const seed = validateSeed({
      tenants: [{ Tid: "9007199254740993", name: "t" }],
      accessKeys: [{ id: "k", secret: "s", tenants: ["9007199254740993"] }],
      taskFlows: [{ DagId: 1, Tid: "9007199254740993", name: "f", versions: [5, { VersionId: 6, comments: "c" }] }],
      instances: [{ Id: 2, DagId: 1, status: 2, startTime: "2026-01-01T10:00:00Z", businessTime: "2026-01-01" }],
    });
    expect(seed.accessKeys[0]).toMatchObject({ activeTid: 9007199254740993n, tenants: [9007199254740993n], rateBurst: null });
    expect(seed.taskFlows[0]).toMatchObject({ owner: "emulator", status: 2, canEdit: true });
    expect(seed.taskFlows[0]!.versions).toEqual([
      { versionId: 5n, lastVersionId: null, comments: "", frozen: null },
      { versionId: 6n, lastVersionId: 5n, comments: "c", frozen: null },
    ]);
    expect(rows(seed)).toEqual([
      expect.objectContaining({
        id: 2n,
        startTime: "2026-01-01 18:00:00", // an instant, shown in Asia/Shanghai
        businessTime: "2026-01-01 00:00:00",
        triggerType: 0,
        dagVersion: null,
      }),
    ]);
  });

  it.each([
    [{ tenants: {} }, "Invalid seed: tenants must be an array; got an object."],
    [{ tenants: [{ Tid: "x", name: "t" }] }, "Invalid seed: tenants[0].Tid must be an int64"],
    [{ accessKeys: [{ id: "", secret: "s", tenants: [] }] }, "Invalid seed: accessKeys[0].id must be a non-empty string"],
    [
      { accessKeys: [{ id: "k", secret: "s", tenants: [1], activeTenant: 2 }] },
      "accessKeys[0].activeTenant 2 must be one of the key's tenants",
    ],
    [
      { accessKeys: [{ id: "k", secret: "s", tenants: [], rateLimit: { requestsPerSecond: 0 } }] },
      "rateLimit.requestsPerSecond must be a positive number",
    ],
    [
      { taskFlows: [{ DagId: 1, Tid: 1, name: "f", status: 3 }] },
      "Invalid seed: taskFlows[0].status must be one of 0 (invalid), 1 (not scheduled (scheduling disabled)), 2 (waiting to be scheduled); got 3.",
    ],
    [{ tenants: [{ Tid: 1 }] }, 'Invalid seed: tenants[0] needs the field "name", a non-empty string.'],
    [
      { taskFlows: [{ DagId: 1, Tid: 1, name: "f", versions: [{ VersionId: 1, comments: 5 }] }] },
      "Invalid seed: taskFlows[0].versions[0].comments must be a string; got 5.",
    ],
    [
      { instances: [{ Id: 1, DagId: 1, status: 1, historyDagId: "x" }] },
      'Invalid seed: instances[0].historyDagId must be an int64 (a decimal string or a safe integer) or null; got "x".',
    ],
    [{ tenants: [{ Tid: "99999999999999999999", name: "t" }] }, "Invalid seed: tenants[0].Tid must be an int64"],
    [
      { taskFlows: [{ DagId: 1, Tid: 1, name: "f", graph: { nodes: [], edges: [{ NodeFrom: 1, NodeEnd: 2 }] } }] },
      "NodeFrom 1 is not a node of this graph",
    ],
    [
      {
        tenants: [
          { Tid: 1, name: "a" },
          { Tid: 1, name: "b" },
        ],
      },
      "tenants[1].Tid 1 appears twice",
    ],
    [{ taskflows: [] }, 'Invalid seed: the seed has an unknown field "taskflows"'],
  ])("refuses %j", (input, message) => {
    expect(() => validateSeed(input)).toThrow(message);
  });

  it("names the first bad instance, and a repeated Id once the instances are written", () => {
    expect(() =>
      validateSeed({
        instances: [
          { Id: 1, DagId: 1, status: 1 },
          { Id: 2, DagId: 1, status: 1, startTime: "soon" },
        ],
      }),
    ).toThrow('Invalid seed: instances[1].startTime must be a time "yyyy-MM-dd HH:mm:ss" (the flow\'s time zone)');
    const twice = validateSeed({
      instances: [
        { Id: 1, DagId: 1, status: 1 },
        { Id: "1", DagId: 1, status: 2 },
      ],
    });
    expect(() => rows(twice)).toThrow("Invalid seed: instances[1].Id 1 appears twice.");
  });

  it("keeps a wall-clock time as written and shows an instant in the flow's zone, Asia/Shanghai", () => {
    const seed = validateSeed({
      instances: [
        {
          Id: 1,
          DagId: 1,
          status: 4,
          startTime: "2026-11-24 02:00:00",
          endTime: "2026-11-23T18:30:00Z",
          businessTime: "2026-11-24T01:00:00+09:00",
        },
      ],
    });
    expect(rows(seed)[0]).toMatchObject({
      startTime: "2026-11-24 02:00:00",
      endTime: "2026-11-24 02:30:00",
      businessTime: "2026-11-24 00:00:00",
    });
  });

  it("takes a bigint from code and the $schema field editors use", () => {
    const seed = validateSeed({ $schema: "./seed.schema.json", tenants: [{ Tid: 9007199254740993n, name: "t" }] });
    expect(seed.tenants[0]!.tid).toBe(9007199254740993n);
  });

  it("parses JSON text with integers beyond 2^53 exact", () => {
    const seed = parseSeedText('{"tenants":[{"Tid":9007199254740993,"name":"t"}]}', "test");
    expect(seed.tenants[0]!.tid).toBe(9007199254740993n);
    expect(() => parseSeedText("{", "The seed file x")).toThrow(/^The seed file x is not valid JSON: /);
  });
});
