import { describe, expect, it } from "vitest";
import { fixture } from "../test/fixturePaths.js";
import { diffApis, overallBump } from "./apiDiff.js";
import { buildIr } from "./buildIr.js";
import { describeChanges } from "./changesetText.js";
import { loadSpec } from "./load.js";

const ir = async (name: string) => buildIr("spec.yaml", (await loadSpec(fixture(name))).document);
const diff = async (before: string, after: string) => diffApis(await ir(before), await ir(after));

describe("diffApis, on fixture spec pairs", () => {
  it("added optional parameter and response field: minor", async () => {
    const changes = await diff("minimal", "minimal-plus");
    expect(describeChanges(changes)).toBe(
      [
        "  minor  PauseJob: optional parameter Reason added (String)",
        "  minor  PauseJob: response field Job.PausedBy added (string)",
      ].join("\n"),
    );
    expect(overallBump(changes)).toBe("minor");
  });

  it("removed field and changed type: major", async () => {
    const changes = await diff("minimal", "minimal-major");
    expect(describeChanges(changes)).toBe(
      [
        "  major  PauseJob: parameter JobId type changed from Long to String",
        "  major  PauseJob: response field Job.State removed",
      ].join("\n"),
    );
    expect(overallBump(changes)).toBe("major");
  });

  it("wire-name change of a field: major, reported as a rename", async () => {
    const changes = await diff("minimal", "minimal-renamed");
    expect(describeChanges(changes)).toBe("  major  PauseJob: response field wire name changed from Job.Id to Job.JobId");
  });

  it("descriptions only: patch", async () => {
    const changes = await diff("minimal", "minimal-patch");
    expect(describeChanges(changes)).toBe(
      ["  patch  PauseJob: description changed", "  patch  PauseJob: description of parameter JobId changed"].join("\n"),
    );
    expect(overallBump(changes)).toBe("patch");
  });

  it("the reverse of an addition is a removal: major", async () => {
    expect(overallBump(await diff("minimal-plus", "minimal"))).toBe("major");
  });

  it("no change: nothing to bump", async () => {
    const changes = await diff("minimal", "minimal");
    expect(changes).toEqual([]);
    expect(overallBump(changes)).toBeUndefined();
    expect(describeChanges(changes)).toBe("No API changes.");
  });

  it("a new required parameter breaks callers: major", async () => {
    const before = await ir("minimal");
    const after = structuredClone(before) as typeof before & { operations: { parameters: unknown[] }[] };
    after.operations[0]!.parameters.push({ name: "Owner", wireType: "String", required: true, description: "" });
    expect(describeChanges(diffApis(before, after))).toBe("  major  PauseJob: required parameter Owner added (String)");
  });
});
