import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/emulatorProcess.js";
import { startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";
import { FLOW, testSeed } from "./fixtures/testSeed.js";

// Two (or more) resumes of the same instance at once: exactly one succeeds, the others see it running.
const INSTANCES = 20;
const RACERS = 8;

describe.each([":memory:", "a data file"])("concurrent resumes with %s", (where) => {
  let e: TestEmulator;
  beforeAll(async () => {
    const seed = testSeed();
    for (let i = 0; i < INSTANCES; i++) seed.instances!.push({ Id: 40_000 + i, DagId: FLOW, status: 2 });
    e = await startTestEmulator({ seed, data: where === ":memory:" ? ":memory:" : join(tempDir(), "race.db") });
  });
  afterAll(() => e.close());

  it("two resumes of one instance at once: exactly one succeeds", async () => {
    const [a, b] = await Promise.all([
      e.v3("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "1002" }),
      e.v1("ResumeTaskFlowInstance", { DagId: FLOW, DagInstanceId: "1002" }),
    ]);
    const outcomes = [a.json, b.json].map((body) => (body.Success ? "ok" : body.ErrorCode)).sort();
    expect(outcomes).toEqual(["InvalidStatus", "ok"]);
  });

  it(`${RACERS} racers on each of ${INSTANCES} instances, all in flight together: one winner per instance`, async () => {
    const calls = [];
    for (let i = 0; i < INSTANCES; i++) {
      for (let r = 0; r < RACERS; r++) {
        const params = { DagId: FLOW, DagInstanceId: String(40_000 + i) };
        calls.push(
          (r % 2 ? e.v1 : e.v3)("ResumeTaskFlowInstance", params).then((reply) => ({ id: params.DagInstanceId, reply })),
        );
      }
    }
    const results = await Promise.all(calls);
    const winners = new Map<string, number>();
    for (const { id, reply } of results) {
      expect(reply.status).toBe(200);
      if (reply.json.Success) winners.set(id, (winners.get(id) ?? 0) + 1);
      else expect(reply.json.ErrorCode).toBe("InvalidStatus");
    }
    expect([...winners.values()]).toEqual(Array(INSTANCES).fill(1));
    const running = await e.admin("GET", `inspect/instances?DagId=${FLOW}&status=1&limit=1000`);
    const ids = running.json.instances.map((i: { Id: string }) => i.Id);
    for (let i = 0; i < INSTANCES; i++) expect(ids).toContain(String(40_000 + i));
  });
});
