import { describe, expect, it } from "vitest";
import { DMS_SPEC, fixture } from "../test/fixturePaths.js";
import { buildIr } from "./buildIr.js";
import { loadSpec } from "./load.js";

describe("buildIr", () => {
  it("resolves parameter refs and maps wire types", async () => {
    const ir = buildIr("spec.yaml", (await loadSpec(DMS_SPEC)).document);
    const resume = ir.operations.find((o) => o.action === "ResumeTaskFlowInstance")!;
    expect(resume.parameters.map((p) => [p.name, p.wireType, p.required])).toEqual([
      ["DagId", "Long", true],
      ["DagInstanceId", "Long", true],
      ["DagVersion", "String", false],
      ["Tid", "Long", false],
    ]);
    expect(resume.methods).toEqual(["GET", "POST"]);
    expect(resume.output).toEqual({ kind: "ref", name: "Envelope" });
    const list = ir.operations.find((o) => o.action === "ListTaskFlowInstance")!;
    expect(list.parameters.find((p) => p.name === "UseBizDate")?.wireType).toBe("Boolean");
    expect(list.parameters.find((p) => p.name === "PageSize")?.wireType).toBe("Integer");
  });

  it("merges allOf into one object, envelope first, and keeps wire quirks", async () => {
    const ir = buildIr("spec.yaml", (await loadSpec(DMS_SPEC)).document);
    const list = ir.operations.find((o) => o.action === "ListTaskFlowInstance")!;
    expect(list.output.kind === "object" && list.output.properties.map((p) => p.name)).toEqual([
      "RequestId",
      "Success",
      "ErrorCode",
      "ErrorMessage",
      "TotalCount",
      "DAGInstanceList",
    ]);
    const instance = ir.models.find((m) => m.name === "DAGInstance")!;
    const kinds = Object.fromEntries(instance.shape.properties.map((p) => [p.name, p.shape.kind]));
    expect(kinds).toMatchObject({ Id: "int64", DagId: "string", Status: "enum", startTime: "string" });
    expect(instance.shape.properties.find((p) => p.name === "Status")!.shape).toEqual({
      kind: "enum",
      name: "InstanceStatus",
      base: "int32",
    });
  });

  it("keeps examples as text and marks required properties", async () => {
    const ir = buildIr("x.yaml", (await loadSpec(fixture("minimal"))).document);
    expect(ir.operations[0]!.parameters[0]).toEqual({
      name: "JobId",
      wireType: "Long",
      position: "Query",
      required: true,
      description: "The job.",
      example: "12****",
      rules: {},
    });
    const envelope = ir.models.find((m) => m.name === "Envelope")!;
    expect(envelope.shape.properties.map((p) => [p.name, p.required])).toEqual([
      ["RequestId", true],
      ["Success", false],
    ]);
  });
});
