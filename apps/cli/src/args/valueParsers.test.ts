import { describe, expect, it } from "vitest";
import { parseStatus } from "../statusNames.js";
import { parseDate } from "./parseDate.js";
import { parseDuration } from "./parseDuration.js";
import { parseId } from "./parseId.js";
import { parseRate, parseWholeNumber } from "./parseNumber.js";
import { suggest } from "./suggest.js";

describe("parseId", () => {
  it("keeps int64 IDs exact, canonical", () => {
    expect(parseId("dag-id", "9007199254740993")).toBe("9007199254740993");
    expect(parseId("dag-id", "9223372036854775807")).toBe("9223372036854775807");
    expect(parseId("dag-id", "007")).toBe("7");
  });
  it("names the flag and the bad value", () => {
    expect(() => parseId("dag-id", "abc")).toThrow('--dag-id must be a whole number such as 12345; got "abc".');
    expect(() => parseId("instance-id", "1.5")).toThrow("--instance-id must be a whole number");
    expect(() => parseId("tid", "-3")).toThrow("--tid must be a whole number");
    expect(() => parseId("dag-id", "0")).toThrow("--dag-id must be between 1 and 9223372036854775807");
    expect(() => parseId("dag-id", "9223372036854775808")).toThrow("(a positive int64)");
  });
});

describe("parseDuration", () => {
  it("reads units, combinations and bare seconds", () => {
    expect(parseDuration("timeout", "10m")).toBe(600_000);
    expect(parseDuration("timeout", "1h30m")).toBe(5_400_000);
    expect(parseDuration("timeout", "500ms")).toBe(500);
    expect(parseDuration("timeout", "1.5s")).toBe(1500);
    expect(parseDuration("timeout", "45")).toBe(45_000);
  });
  it("refuses what is not a duration", () => {
    expect(() => parseDuration("timeout", "10 minutes")).toThrow("--timeout must be a duration such as 30s");
    expect(() => parseDuration("timeout", "10x")).toThrow("--timeout must be a duration");
    expect(() => parseDuration("timeout", "")).toThrow("--timeout must be a duration");
    expect(() => parseDuration("timeout", "0s")).toThrow("--timeout must be longer than zero");
    expect(() => parseDuration("timeout", "9999h")).toThrow("at most 596h");
  });
});

describe("parseDate", () => {
  const now = new Date("2024-03-01T10:00:00Z");
  it("accepts calendar dates and relative days", () => {
    expect(parseDate("since", "2024-02-29", now)).toBe("2024-02-29");
    expect(parseDate("since", "today", now)).toBe("2024-03-01");
    expect(parseDate("since", "yesterday", now)).toBe("2024-02-29");
    expect(parseDate("since", "7d", now)).toBe("2024-02-23");
  });
  it("refuses impossible dates and other forms", () => {
    expect(() => parseDate("since", "2023-02-29", now)).toThrow('--since is not a calendar date: "2023-02-29".');
    expect(() => parseDate("until", "01/02/2024", now)).toThrow("--until must be a date such as 2024-01-31");
  });
});

describe("parseStatus", () => {
  it("accepts names (any case) and codes", () => {
    expect(parseStatus("status", "suspended")).toBe(2);
    expect(parseStatus("status", "Running")).toBe(1);
    expect(parseStatus("status", "5")).toBe(5);
  });
  it("lists the names when it refuses one", () => {
    expect(() => parseStatus("status", "paused")).toThrow(
      '--status must be one of waiting, running, suspended, failed, succeeded, completed (or 0-5); got "paused".',
    );
    expect(() => parseStatus("status", "6")).toThrow("--status must be one of");
  });
});

describe("parseWholeNumber and parseRate", () => {
  it("bounds whole numbers", () => {
    expect(parseWholeNumber("concurrency", "16", 1, 64)).toBe(16);
    expect(() => parseWholeNumber("concurrency", "0", 1, 64)).toThrow("--concurrency must be a whole number from 1 to 64");
    expect(() => parseWholeNumber("concurrency", "4.5", 1, 64)).toThrow("--concurrency must be a whole number");
  });
  it("accepts fractional rates above zero", () => {
    expect(parseRate("max-rate", "0.5")).toBe(0.5);
    expect(() => parseRate("max-rate", "0")).toThrow("--max-rate must be a number of calls per second above 0");
    expect(() => parseRate("max-rate", "fast")).toThrow("--max-rate must be");
  });
});

describe("suggest", () => {
  it("suggests close words only", () => {
    expect(suggest("resum", ["resume", "rerun", "stop"])).toBe("resume");
    expect(suggest("taskflows", ["task-flows", "tenants"])).toBe("task-flows");
    expect(suggest("foo", ["resume", "rerun"])).toBeUndefined();
  });
});
