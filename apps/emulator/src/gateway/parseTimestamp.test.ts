import { describe, expect, it } from "vitest";
import { parseTimestamp } from "./parseTimestamp.js";

describe("parseTimestamp", () => {
  it("reads ISO 8601 UTC with second precision, and fractions", () => {
    expect(parseTimestamp("2024-01-01T00:00:00Z")).toBe(Date.UTC(2024, 0, 1));
    expect(parseTimestamp("2024-02-29T23:59:59.5Z")).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 500));
  });

  it.each([
    "2024-02-30T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "2024-01-01T24:00:00Z",
    "2024-01-01T00:60:00Z",
    "2024-01-01 00:00:00",
    "2024-01-01T00:00:00+08:00",
    "",
    "now",
  ])("refuses %j", (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});
