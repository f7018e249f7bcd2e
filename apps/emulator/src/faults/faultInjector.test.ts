import { describe, expect, it } from "vitest";
import { FaultInjector } from "./faultInjector.js";
import { mulberry32 } from "./prng.js";

const outcomes = (injector: FaultInjector, action: string, n: number) =>
  Array.from({ length: n }, () => injector.decide(action).outcome ?? "none");

describe("FaultInjector", () => {
  it("is deterministic for a seed, and each action has its own stream", () => {
    const settings = { seed: 5, actions: { "*": { error500: 0.5 } } };
    const a = new FaultInjector(settings);
    const b = new FaultInjector(settings);
    const aResume = outcomes(a, "ResumeTaskFlowInstance", 30);
    // b sees List requests interleaved: Resume's sequence does not change.
    const bResume: string[] = [];
    for (let i = 0; i < 30; i++) {
      b.decide("ListTaskFlow");
      bResume.push(b.decide("ResumeTaskFlowInstance").outcome ?? "none");
    }
    expect(bResume).toEqual(aResume);
    expect(new Set(aResume)).toEqual(new Set(["error500", "none"]));
  });

  it("matches each probability roughly", () => {
    const injector = new FaultInjector({ seed: 3, actions: { ListTaskFlow: { error503: 0.2, drop: 0.1 } } });
    const seen = outcomes(injector, "ListTaskFlow", 5000);
    const share = (o: string) => seen.filter((x) => x === o).length / seen.length;
    expect(share("error503")).toBeGreaterThan(0.17);
    expect(share("error503")).toBeLessThan(0.23);
    expect(share("drop")).toBeGreaterThan(0.08);
    expect(share("drop")).toBeLessThan(0.12);
  });

  it("draws latencies inside the range", () => {
    const injector = new FaultInjector({ actions: { ListTaskFlow: { latencyMs: [10, 20] } } });
    for (let i = 0; i < 100; i++) {
      const { latencyMs } = injector.decide("ListTaskFlow");
      expect(latencyMs).toBeGreaterThanOrEqual(10);
      expect(latencyMs).toBeLessThanOrEqual(20);
    }
  });

  it("counts what it injected", () => {
    const injector = new FaultInjector({ actions: { ListTaskFlow: { throttle: 1, remaining: 3 } } });
    outcomes(injector, "ListTaskFlow", 5);
    expect(injector.injected.throttle).toBe(3);
  });
});

describe("mulberry32", () => {
  it("returns the same numbers in [0, 1) for the same seed", () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
