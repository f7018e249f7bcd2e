import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { describeDrift } from "./driftText.js";
import { compareWithUpstream } from "./upstreamMain.js";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/upstream/", import.meta.url));

async function driftLines(metadata: string): Promise<string[]> {
  const spec = await readFile(`${FIXTURES}spec.yaml`, "utf8");
  const { drifts } = await compareWithUpstream("spec.yaml", spec, `${FIXTURES}${metadata}`, false);
  return drifts.map(describeDrift);
}

describe("comparing our spec with Alibaba's metadata", () => {
  it("finds no drift when every parameter matches ($ref parameters, enum $ref, Json fields, Body position)", async () => {
    expect(await driftLines("same")).toEqual([]);
  });

  it.each([
    ["added-param", "ListThings: parameter SearchKey added upstream (String, Query, optional)"],
    ["removed-param", "ListThings: parameter PageSize removed upstream"],
    ["type-change", "ListThings: parameter PageSize type changed from Integer to Long"],
    ["position-change", "AddEdges: parameter Note position changed from Body to Query"],
    ["required-change", "ListThings: parameter Status is now required (was optional)"],
    ["operation-removed", "PauseThing: operation removed upstream (no PauseThing.json in the metadata)"],
  ])("reports %s in plain words", async (metadata, line) => {
    expect(await driftLines(metadata)).toEqual([line]);
  });

  it("compares a Json parameter's sub-parameters with the item schema's properties", async () => {
    expect(await driftLines("json-sub-change")).toEqual([
      "AddEdges: field Edges[].NodeFrom is now optional (was required)",
      "AddEdges: field Edges[].NodeEnd type changed from Long to String",
      "AddEdges: field Edges[].Id added upstream (Long, optional)",
    ]);
  });

  it("lists upstream operations we do not carry only with --all, and they are not drift", async () => {
    const spec = await readFile(`${FIXTURES}spec.yaml`, "utf8");
    const { drifts } = await compareWithUpstream("spec.yaml", spec, `${FIXTURES}operation-removed`, true);
    expect(drifts.map((d) => d.kind)).toEqual(["operationRemoved"]);
    const all = await compareWithUpstream(
      "spec.yaml",
      spec.replace(/ {2}\/\?Action=PauseThing:[\s\S]*?(?=components:)/, ""),
      `${FIXTURES}same`,
      true,
    );
    expect(all.drifts.map(describeDrift)).toEqual(["PauseThing: upstream operation that our spec does not carry"]);
  });
});
