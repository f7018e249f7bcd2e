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
    // Identifiers, not words: descriptions may mention other actions.
    for (const other of [
      "serializeListTaskFlowInstanceInput",
      "GetTaskFlowGraphOperation",
      "readDAGInstance",
      "decodeParameters",
    ]) {
      expect(one, other).not.toContain(other);
    }
    const all = await bundle('import { operationTable } from "@dmsflow/client"; export { operationTable };');
    expect(all).toContain("serializeListTaskFlowInstanceInput");
    expect(one.length).toBeLessThan(all.length / 3);
  });
});
