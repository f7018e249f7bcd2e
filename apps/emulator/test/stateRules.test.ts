import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeedInstance } from "../src/index.js";
import { expectBusinessFailure, expectSuccess } from "./fixtures/expectations.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { FLOW, OTHER_FLOW, testSeed } from "./fixtures/testSeed.js";

// The state rules, for every operation and every starting status: which transitions succeed,
// what status follows, which times are stamped, and the business failure for the others.
const RULES = [
  { action: "ResumeTaskFlowInstance", from: [2], to: 1 },
  { action: "SuspendTaskFlowInstance", from: [1], to: 2 },
  { action: "StopTaskFlowInstance", from: [0, 1, 2], to: 3 },
  { action: "ReRunTaskFlowInstance", from: [3, 4, 5], to: 1 },
  { action: "MakeTaskFlowInstanceSuccess", from: [2, 3], to: 4 },
] as const;

const NOW = Date.parse("2026-06-01T12:34:56Z");
const idFor = (rule: number, status: number) => String(20_000 + rule * 10 + status);

let e: TestEmulator;
beforeAll(async () => {
  const seed = testSeed();
  const extra: SeedInstance[] = [];
  RULES.forEach((_, r) => {
    for (let status = 0; status <= 5; status++) {
      extra.push({
        Id: idFor(r, status),
        DagId: FLOW,
        status,
        DagVersion: "101",
        startTime: "2026-05-01 00:00:00",
        ...(status >= 3 ? { endTime: "2026-05-01 01:00:00" } : {}),
        message: "seeded",
      });
    }
  });
  seed.instances!.push(...extra);
  e = await startTestEmulator({ seed, clock: () => NOW });
});
afterAll(() => e.close());

const instance = async (id: string) => (await e.admin("GET", `inspect/instances/${id}`)).json;

describe.each(RULES.map((rule, index) => ({ ...rule, index })))("$action", ({ action, from, to, index }) => {
  it.each([0, 1, 2, 3, 4, 5])("from status %i", async (status) => {
    const id = idFor(index, status);
    const reply = await e.v3(action, { DagId: FLOW, DagInstanceId: id });
    const after = await instance(id);
    if ((from as readonly number[]).includes(status)) {
      expectSuccess(reply);
      expect(after.status).toBe(to);
    } else {
      expectBusinessFailure(reply, "InvalidStatus");
      expect(reply.json.ErrorMessage).toContain(`The task-flow instance ${id} is `);
      expect(reply.json.ErrorMessage).toContain(`(status ${status})`);
      expect(after.status).toBe(status);
      expect(after.message).toBe("seeded");
    }
  });
});

describe("what a transition stamps", () => {
  let next = 30_000;
  /** Seeds a fresh instance in a status and applies an action to it; returns the instance after. */
  const apply = async (status: number, action: string, params: Record<string, string> = {}) => {
    const id = String(next++);
    const seeded = { Id: id, DagId: FLOW, status, DagVersion: "101", startTime: "2026-05-01 00:00:00", message: "seeded" };
    await e.admin("POST", "seed", { instances: [{ ...seeded, ...(status >= 3 ? { endTime: "2026-05-01 01:00:00" } : {}) }] });
    expectSuccess(await e.v3(action, { DagId: FLOW, DagInstanceId: id, ...params }));
    return instance(id);
  };

  it("Stop and MakeSuccess set EndTime to now and say why in the message", async () => {
    const stopped = await apply(1, "StopTaskFlowInstance");
    // Times are stamped in the flow's time zone, Asia/Shanghai (UTC+8) as DMS: NOW is 12:34:56 UTC.
    expect(stopped).toMatchObject({ status: 3, endTime: "2026-06-01 20:34:56", startTime: "2026-05-01 00:00:00" });
    expect(stopped.message).toMatch(/Stopped/);
    expect(await apply(3, "MakeTaskFlowInstanceSuccess")).toMatchObject({ status: 4, endTime: "2026-06-01 20:34:56" });
  });

  it("ReRun starts a new run: startTime now, EndTime and message cleared", async () => {
    expect(await apply(4, "ReRunTaskFlowInstance")).toMatchObject({
      status: 1,
      startTime: "2026-06-01 20:34:56",
      endTime: null,
      message: "",
    });
  });

  it("ReRun runs the DagVersion it is given; Resume keeps the instance's version", async () => {
    expect((await apply(3, "ReRunTaskFlowInstance", { DagVersion: "102" })).DagVersion).toBe("102");
    expect((await apply(2, "ResumeTaskFlowInstance", { DagVersion: "102" })).DagVersion).toBe("101");
  });

  it("Resume and Suspend keep startTime and EndTime (the run goes on)", async () => {
    expect(await apply(2, "ResumeTaskFlowInstance")).toMatchObject({
      status: 1,
      startTime: "2026-05-01 00:00:00",
      endTime: null,
    });
    expect(await apply(1, "SuspendTaskFlowInstance")).toMatchObject({ status: 2, startTime: "2026-05-01 00:00:00" });
  });
});

describe("missing things are business failures", () => {
  it("an unknown instance: TaskFlowInstanceNotFound", async () => {
    const reply = await e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "424242" });
    expectBusinessFailure(reply, "TaskFlowInstanceNotFound");
    expect(reply.json.ErrorMessage).toContain("424242");
  });

  it("an instance of another flow of the tenant: TaskFlowInstanceNotFound", async () => {
    const reply = await e.v3("ResumeTaskFlowInstance", { DagId: "9007199254740993", DagInstanceId: "1002" });
    expectBusinessFailure(reply, "TaskFlowInstanceNotFound");
  });

  it("an unknown flow: TaskFlowNotFound, for every operation that takes a DagId", async () => {
    for (const action of ["SuspendTaskFlowInstance", "ListTaskFlowInstance", "GetTaskFlowGraph", "ListDAGVersions"]) {
      const reply = await e.v3(action, { DagId: "777", DagInstanceId: "1", PageIndex: "1", PageSize: "10" });
      expectBusinessFailure(reply, "TaskFlowNotFound");
    }
  });

  it("a flow of another tenant is not found (tenants are isolated)", async () => {
    expectBusinessFailure(await e.v3("StopTaskFlowInstance", { DagId: OTHER_FLOW, DagInstanceId: "2002" }), "TaskFlowNotFound");
  });
});

describe("instances that complete on their own", () => {
  it("with completeRunningAfterMs, a resumed instance succeeds after that time", async () => {
    const auto = await startTestEmulator({ completeRunningAfterMs: 30 });
    try {
      expectSuccess(await auto.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "1002" }));
      let status = (await auto.admin("GET", "inspect/instances/1002")).json.status;
      for (let i = 0; i < 100 && status !== 4; i++) {
        await new Promise((r) => setTimeout(r, 20));
        status = (await auto.admin("GET", "inspect/instances/1002")).json.status;
      }
      expect(status).toBe(4);
      // A suspended instance never completes on its own.
      expect((await auto.admin("GET", "inspect/instances/9007199254740993")).json.status).toBe(2);
    } finally {
      await auto.close();
    }
  });

  it("stamps the end time of a run completed on its own in the flow's time zone", async () => {
    let now = NOW;
    const auto = await startTestEmulator({ completeRunningAfterMs: 1000, clock: () => now });
    try {
      expectSuccess(await auto.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "1002" }));
      now += 60_000;
      let after = (await auto.admin("GET", "inspect/instances/1002")).json;
      for (let i = 0; i < 200 && after.status !== 4; i++) {
        await new Promise((r) => setTimeout(r, 20));
        after = (await auto.admin("GET", "inspect/instances/1002")).json;
      }
      // The sweep's time, NOW + 60 s = 12:35:56 UTC, shown in Asia/Shanghai (UTC+8).
      expect(after).toMatchObject({ status: 4, endTime: "2026-06-01 20:35:56" });
    } finally {
      await auto.close();
    }
  });

  it("ListTaskFlowInstance reads its date range in the flow's time zone", async () => {
    // 20:00 UTC on 1 June is 04:00 on 2 June in Asia/Shanghai.
    const late = await startTestEmulator({ clock: () => Date.parse("2026-06-01T20:00:00Z") });
    try {
      const seeded = { Id: "40001", DagId: FLOW, status: 4, DagVersion: "101", startTime: "2026-05-01 00:00:00" };
      await late.admin("POST", "seed", { instances: [seeded] });
      expectSuccess(await late.v3("ReRunTaskFlowInstance", { DagId: FLOW, DagInstanceId: "40001" }));
      const ids = async (range: Record<string, string>) => {
        const reply = await late.v3("ListTaskFlowInstance", { DagId: FLOW, PageIndex: "1", PageSize: "100", ...range });
        expectSuccess(reply);
        return (reply.json.DAGInstanceList.DAGInstance as { Id: unknown }[]).map((i) => String(i.Id));
      };
      expect(await ids({ StartTimeBegin: "2026-06-02", StartTimeEnd: "2026-06-02" })).toEqual(["40001"]);
      expect(await ids({ StartTimeBegin: "2026-06-01", StartTimeEnd: "2026-06-01" })).toEqual([]);
    } finally {
      await late.close();
    }
  });
});
