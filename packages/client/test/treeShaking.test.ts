import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url));

const bundle = async (code: string) => {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    alias: { "@dmsflow/client": entry },
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
};

describe("tree-shaking", () => {
  it("importing one operation pulls in only what it needs", async () => {
    const one = await bundle('import { resumeTaskFlowInstance } from "@dmsflow/client"; export { resumeTaskFlowInstance };');
    expect(one).toContain("ResumeTaskFlowInstance");
    for (const other of ["ListTaskFlowInstanceCommand", "GetTaskFlowGraphOperation", "DAGInstanceSchema", "decodeParameters"]) {
      expect(one, other).not.toContain(other);
    }
    const all = await bundle('import { operationTable } from "@dmsflow/client"; export { operationTable };');
    expect(all).toContain("ListTaskFlowInstanceCommand");
    const { operationTable } = await import("../src/index.js");
    // Every other operation's descriptor is dropped, not only the few named above.
    const actions = [...all.matchAll(/action: "(\w+)"/g)].map((m) => m[1]);
    expect(actions).toHaveLength(Object.keys(operationTable).length);
    expect(actions.length).toBeGreaterThan(50);
    expect([...one.matchAll(/action: "(\w+)"/g)].map((m) => m[1])).toEqual(["ResumeTaskFlowInstance"]);
  });

  it("calling operations carries no documentation; help text imports it on its own", async () => {
    const prose = "Defaults to the caller's active tenant.";
    const all = await bundle('import { operationTable } from "@dmsflow/client"; export { operationTable };');
    expect(all).not.toContain(prose);
    const docs = await bundle('import { operationDocs } from "@dmsflow/client"; export { operationDocs };');
    expect(docs).toContain(prose);
  });
});
