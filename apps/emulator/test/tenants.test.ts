import { GetUserActiveTenantCommand, ListTaskFlowCommand, ListUserTenantsCommand } from "@dmsflow/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectBusinessFailure, expectGatewayError, expectSuccess } from "./fixtures/expectations.js";
import type { TestKey } from "./fixtures/signRequest.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { BIG_FLOW, BIG_TENANT, FLOW, KEYS, OTHER_FLOW } from "./fixtures/testSeed.js";

let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator();
});
afterAll(() => e.close());

const flowIds = async (key: TestKey = KEYS.a, params: Record<string, string> = {}) => {
  const reply = await e.v3("ListTaskFlow", params, key);
  expectSuccess(reply);
  return ListTaskFlowCommand.deserialize(reply.text).TaskFlowList!.TaskFlow!.map((f) => f.Id);
};

describe("the active tenant is the default", () => {
  it("without Tid a key acts in its active tenant", async () => {
    expect(await flowIds()).toEqual([FLOW, BIG_FLOW]);
    expect(await flowIds(KEYS.b)).toEqual([OTHER_FLOW]);
  });

  it("with Tid it acts in that tenant", async () => {
    expect(await flowIds(KEYS.a, { Tid: "4" })).toEqual([OTHER_FLOW]);
  });

  it("GetUserActiveTenant answers the active tenant, Tid exact beyond 2^53", async () => {
    const reply = await e.v3("GetUserActiveTenant", {}, KEYS.big);
    expect(reply.text).toContain(`"Tenant":{"Tid":${BIG_TENANT},"TenantName":"big","Status":"ACTIVE"}`);
    expect(GetUserActiveTenantCommand.deserialize(reply.text).Tenant).toEqual({
      Tid: BIG_TENANT,
      TenantName: "big",
      Status: "ACTIVE",
    });
  });

  it("ListUserTenants lists the key's tenants as a bare array; only the active one is ACTIVE", async () => {
    const reply = await e.v1("ListUserTenants", {}, KEYS.a, { method: "GET" });
    expect(ListUserTenantsCommand.deserialize(reply.text).TenantList).toEqual([
      { Tid: "3", TenantName: "alpha", Status: "ACTIVE" },
      { Tid: "4", TenantName: "beta", Status: "IN_ACTIVE" },
    ]);
  });

  it("a key without any tenant gets TenantNotExist for tenant operations and an empty tenant list", async () => {
    expectBusinessFailure(await e.v3("ListTaskFlow", {}, KEYS.homeless), "TenantNotExist");
    expectBusinessFailure(await e.v3("GetUserActiveTenant", {}, KEYS.homeless), "TenantNotExist");
    expect((await e.v3("ListUserTenants", {}, KEYS.homeless)).json.TenantList).toEqual([]);
  });
});

describe("tenants are isolated", () => {
  it("a flow of tenant 4 does not exist for a request acting in tenant 3", async () => {
    expectBusinessFailure(await e.v3("ResumeTaskFlowInstance", { DagId: OTHER_FLOW, DagInstanceId: "2002" }), "TaskFlowNotFound");
    expectBusinessFailure(await e.v3("GetTaskFlowGraph", { DagId: OTHER_FLOW }), "TaskFlowNotFound");
    expectBusinessFailure(
      await e.v3("ListTaskFlowInstance", { DagId: OTHER_FLOW, PageIndex: "1", PageSize: "10" }),
      "TaskFlowNotFound",
    );
  });

  it("a key of tenant 4 cannot reach tenant 3 at all", async () => {
    expectGatewayError(
      await e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "1002", Tid: "3" }, KEYS.b),
      "Forbidden.RAM",
    );
    expectBusinessFailure(
      await e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "1002" }, KEYS.b),
      "TaskFlowNotFound",
    );
  });

  it("the same flow is reachable with the right Tid, and only the instance asked for changes", async () => {
    expectSuccess(await e.v3("ResumeTaskFlowInstance", { DagId: OTHER_FLOW, DagInstanceId: "2002", Tid: "4" }));
    expect((await e.admin("GET", "inspect/instances/2002")).json.status).toBe(1);
    expect((await e.admin("GET", "inspect/instances/1002")).json.status).toBe(2);
  });
});
