import { describe, expect, it } from "vitest";
import type { Ir } from "./ir.js";
import { lowerCamel, planFiles } from "./plan.js";

const op = (action: string) => ({
  action,
  methods: ["POST"] as const,
  summary: "",
  description: "",
  parameters: [],
  readOnly: false,
  output: { kind: "object", properties: [] } as const,
});

describe("planFiles", () => {
  it("names files and identifiers from the action, sorted whatever the spec order", () => {
    const ir: Ir = {
      specFile: "s",
      product: "p",
      version: "v",
      operations: [op("StopJob"), op("ListDAGVersions")],
      models: [],
      enums: [],
      errorCodes: [],
    };
    const plan = planFiles(ir);
    expect(plan.operations.map((o) => o.module)).toEqual(["operations/listDAGVersions", "operations/stopJob"]);
    expect(plan.operations[1]).toMatchObject({
      functionName: "stopJob",
      inputType: "StopJobInput",
      outputType: "StopJobOutput",
      descriptor: "StopJobOperation",
      command: "StopJobCommand",
    });
  });

  it("lower-cases only the first letter, as the official SDK names methods", () => {
    expect(lowerCamel("ListDAGVersions")).toBe("listDAGVersions");
    expect(lowerCamel("ReRunTaskFlowInstance")).toBe("reRunTaskFlowInstance");
  });
});
