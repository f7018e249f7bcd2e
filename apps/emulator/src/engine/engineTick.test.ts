import { InstanceStatus, InstanceTriggerType } from "@dmsflow/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseSeedText } from "../seed/loadSeed.js";
import { Store } from "../store/store.js";
import { Engine } from "./engine.js";
import { EngineClock } from "./engineClock.js";
import { formatZonedTime } from "./zonedTime.js";

// How much one timer tick does: a bounded slice of the due node runs, so requests are served between
// slices when thousands are due at once; the admin clock's runDue still does everything due. Fake
// timers and a hand-moved clock: counts, not timings.
const DAG = 801n;
const NODE = 8001n;
const START = Date.parse("2026-06-01T00:00:00Z");
const RUNS = 600;

let store: Store | undefined;
let engine: Engine | undefined;
afterEach(() => {
  engine?.close();
  store?.close();
  vi.useRealTimers();
});

function setUp() {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate"] });
  store = new Store(":memory:");
  store.seed(
    parseSeedText(
      JSON.stringify({
        tenants: [{ Tid: 1, name: "t" }],
        taskFlows: [
          { DagId: String(DAG), Tid: 1, name: "one_node", graph: { nodes: [{ NodeId: String(NODE), NodeName: "n" }] } },
        ],
      }),
      "The seed",
    ),
    "replace",
  );
  let base = START;
  const clock = new EngineClock(() => base, 1);
  const e = new Engine(store, { clock, randomSeed: 1 });
  engine = e;
  const s = store;
  s.commits.write(() => {
    for (let i = 0; i < RUNS; i++)
      e.startRun(DAG, e.versions.currentGraph(DAG), { triggerType: InstanceTriggerType.manual, dagVersion: "" });
  });
  s.commits.flush();
  const succeeded = () =>
    Number(s.db.prepare("SELECT count(*) FROM node_instances WHERE status = ?").pluck().get(InstanceStatus.succeeded));
  return { e, clock, succeeded, moveTo: (ms: number) => (base = ms) };
}

describe("the engine's timer tick", () => {
  it("completes at most 256 due node runs per tick, the rest in the ticks that follow, each at its due time", () => {
    const { succeeded, moveTo } = setUp();
    // Every node is due one simulated second after the start (the default duration).
    moveTo(START + 1000);
    // One timer (a tick, or the commit's setImmediate) at a time, noting each new count of finished nodes.
    const counts: number[] = [];
    for (let i = 0; i < 20 && vi.getTimerCount() > 0; i++) {
      vi.advanceTimersToNextTimer();
      const n = succeeded();
      if (n > 0 && counts.at(-1) !== n) counts.push(n);
    }
    expect(counts).toEqual([256, 512, RUNS]);
    const ends = store!.db.prepare("SELECT DISTINCT end_ms FROM node_instances").pluck().all();
    expect(ends).toEqual([BigInt(START + 1000)]);
    expect(engine!.liveRuns).toBe(0);
  });

  it("does everything due at once when asked (the admin clock endpoint)", () => {
    const { e, succeeded, clock } = setUp();
    clock.advance(1000);
    e.runDue();
    expect(succeeded()).toBe(RUNS);
    expect(e.liveRuns).toBe(0);
  });
});

describe("formatZonedTime", () => {
  it("gives each millisecond the text of its own second, in its own zone, across second and zone changes", () => {
    const at = Date.parse("2026-06-01T00:00:00Z");
    expect(formatZonedTime(at - 1, "Asia/Shanghai")).toBe("2026-06-01 07:59:59");
    expect(formatZonedTime(at, "Asia/Shanghai")).toBe("2026-06-01 08:00:00");
    expect(formatZonedTime(at + 999, "Asia/Shanghai")).toBe("2026-06-01 08:00:00");
    expect(formatZonedTime(at + 999, "UTC")).toBe("2026-06-01 00:00:00");
    expect(formatZonedTime(at + 1000, "Asia/Shanghai")).toBe("2026-06-01 08:00:01");
    expect(formatZonedTime(at - 1, "Asia/Shanghai")).toBe("2026-06-01 07:59:59");
  });
});
