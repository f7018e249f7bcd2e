import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture } from "../test/fixturePaths.js";
import { loadSpec, parseSpecText } from "./load.js";
import { SpecError } from "./specError.js";

describe("loadSpec", () => {
  it("parses a YAML spec", async () => {
    const spec = await loadSpec(fixture("minimal"));
    expect((spec.document as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("names a missing file", async () => {
    await expect(loadSpec("/nowhere/openapi.yaml")).rejects.toThrow(
      "/nowhere/openapi.yaml: cannot read the spec (no such file).",
    );
  });

  it("reports YAML syntax errors with their line, as a SpecError", async () => {
    const dir = await mkdtemp(join(tmpdir(), "codegen-"));
    const file = join(dir, "bad.yaml");
    await writeFile(file, "openapi: 3.1.0\npaths:\n  a: [1, 2\n");
    const error = await loadSpec(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toMatch(/not valid YAML: .*line/);
  });

  it("refuses duplicate keys, which YAML would otherwise silently merge", () => {
    expect(() => parseSpecText("x.yaml", "a: 1\na: 2\n")).toThrow(/not valid YAML/);
  });
});
