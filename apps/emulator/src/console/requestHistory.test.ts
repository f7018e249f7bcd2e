import { describe, expect, it } from "vitest";
import type { RequestLogEntry } from "../log/requestLog.js";
import { RequestHistory } from "./requestHistory.js";

const entry = (action: string, status = 200): RequestLogEntry => ({
  requestId: "r",
  method: "POST",
  path: "/",
  action,
  status,
  latencyMs: 1.23456,
});

describe("RequestHistory", () => {
  it("keeps the newest entries up to its capacity and answers what came after a sequence number", () => {
    const history = new RequestHistory(3, () => Date.parse("2026-12-01T00:00:00Z"));
    for (const action of ["A", "B", "C", "D", "E"]) history.record(entry(action));
    expect(history.lastSeq).toBe(5);
    expect(history.since(0, 100).map((e) => [e.seq, e.action])).toEqual([
      [3, "C"],
      [4, "D"],
      [5, "E"],
    ]);
    expect(history.since(4, 100).map((e) => e.action)).toEqual(["E"]);
    expect(history.since(5, 100)).toEqual([]);
    expect(history.since(0, 2).map((e) => e.action)).toEqual(["D", "E"]);
    expect(history.since(0, 1)[0]).toMatchObject({ time: "2026-12-01T00:00:00.000Z", latencyMs: 1.235, code: null, fault: null });
  });

  it("forgets everything at clear, and numbers later entries on from where it was", () => {
    const history = new RequestHistory(4, () => 0);
    history.record(entry("A"));
    history.record(entry("B"));
    history.clear();
    expect(history.since(0, 100)).toEqual([]);
    history.record(entry("C", 503));
    expect(history.since(0, 100).map((e) => [e.seq, e.action, e.status])).toEqual([[3, "C", 503]]);
  });
});
