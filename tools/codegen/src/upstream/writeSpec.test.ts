import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { describeDrift } from "./driftText.js";
import { NEW_FROM_UPSTREAM } from "./reconcileSchema.js";
import { compareWithUpstream } from "./upstreamMain.js";
import { writeUpstreamChanges } from "./writeSpec.js";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/upstream/", import.meta.url));

async function write(metadata: string) {
  const before = await readFile(`${FIXTURES}spec.yaml`, "utf8");
  const folder = `${FIXTURES}${metadata}`;
  const found = await compareWithUpstream("spec.yaml", before, folder, false);
  const written = writeUpstreamChanges(before, found.upstream, found.drifts);
  const again = await compareWithUpstream("spec.yaml", written.text, folder, false);
  return { before, ...written, left: again.drifts.map(describeDrift), spec: parse(written.text) as Spec };
}

interface Parameter {
  name?: string;
  "x-acs-position"?: string;
  schema: { minimum?: number; items: { required: string[]; properties: Record<string, unknown> } };
}
interface Spec {
  paths: Record<string, { post: { parameters: Parameter[] } }>;
  components: { parameters: Record<string, Parameter> };
}

const parameters = (spec: Spec, action: string) => spec.paths[`/?Action=${action}`]!.post.parameters;
const named = (spec: Spec, action: string, name: string) => parameters(spec, action).find((p) => p.name === name);

describe("--write", () => {
  it("brings every kind of drift in line, so a second comparison finds none", async () => {
    const { left, spec } = await write("everything");
    expect(left).toEqual([]);
    expect(named(spec, "ListThings", "PageSize")).toBeUndefined();
    expect(named(spec, "ListThings", "SearchKey")).toEqual({
      name: "SearchKey",
      in: "query",
      required: false,
      description: NEW_FROM_UPSTREAM,
      schema: { type: "string" },
    });
    expect(named(spec, "PauseThing", "Mode")).toMatchObject({
      "x-acs-position": "Body",
      schema: { type: "integer", format: "int32" },
    });
    expect(named(spec, "AddEdges", "Note")!["x-acs-position"]).toBeUndefined();
    expect(named(spec, "AddEdges", "Edges")!.schema.items.required).toEqual(["NodeEnd"]);
  });

  it("keeps our descriptions, examples, value rules and comments, and touches only changed lines", async () => {
    const { before, text, spec } = await write("everything");
    expect(text).toContain(
      "          required: true # a comment --write keeps\n          description: >-\n            Only things with this status; a long folded description that the writer must keep exactly\n            as it is written, line breaks included.\n",
    );
    expect(text.startsWith(before.split("openapi:")[0]!)).toBe(true);
    expect(text).toContain("        # Tid comes last, as in the API metadata.\n");
    expect(named(spec, "AddEdges", "Edges")!.schema.items.properties.NodeEnd).toEqual({
      type: "string",
      description: "The downstream node.",
    });
    expect(named(spec, "AddEdges", "Note")).toMatchObject({
      description: "A note that travels in the body.",
      schema: { maxLength: 200 },
    });
    // The shared DagId changed only for AddEdges: that operation gets a copy, the others keep the $ref.
    expect(named(spec, "AddEdges", "DagId")).toEqual({
      name: "DagId",
      in: "query",
      required: true,
      description: "The ID of the task flow.",
      schema: { type: "string", examples: ["11****"] },
    });
    expect(parameters(spec, "PauseThing")[0]).toEqual({ $ref: "#/components/parameters/DagId" });
    expect(spec.components.parameters.DagId!.schema.minimum).toBe(1);
  });

  it("changes a shared parameter in components when every operation using it changed alike", async () => {
    const { spec, notes } = await write("everything");
    expect(spec.components.parameters.Tid!["x-acs-position"]).toBe("Body");
    expect(parameters(spec, "ListThings").at(-2)).toEqual({ $ref: "#/components/parameters/Tid" });
    expect(notes).toContain("shared parameter Tid: changed in components/parameters (every operation using it changed alike)");
  });

  it("fixes a type behind an enum $ref by replacing the $ref, and says so", async () => {
    const { spec, notes } = await write("everything");
    expect(named(spec, "ListThings", "Status")!.schema).toEqual({ type: "string" });
    expect(notes).toContain("ListThings: Status: no longer refers to #/components/schemas/ThingStatus (its type is not String)");
  });

  it("leaves what it cannot express or should not decide (a RepeatList, a removed operation) with a note", async () => {
    const unsupported = await write("unsupported-type");
    expect(unsupported.text).toBe(unsupported.before);
    expect(unsupported.left).toEqual(["PauseThing: parameter Tags added upstream (RepeatList, Query, optional)"]);
    expect(unsupported.notes[0]).toContain("RepeatList, which our spec conventions cannot express");
    const removed = await write("operation-removed");
    expect(removed.text).toBe(removed.before);
    expect(removed.notes).toEqual(["PauseThing: removed upstream; left in the spec (delete it by hand if we drop it)"]);
  });
});
