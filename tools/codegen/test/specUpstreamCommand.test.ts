import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./fixturePaths.js";

const FIXTURES = join(ROOT, "tools/codegen/test/fixtures/upstream");
const BIN = join(ROOT, "tools/codegen/bin/specUpstream.mjs");

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

describe("npm run spec:upstream", () => {
  it("exits 0 without drift and 1 with drift, so CI can use it", async () => {
    const spec = join(FIXTURES, "spec.yaml");
    const same = await run(["--spec", spec, "--meta", join(FIXTURES, "same")]);
    expect(same).toMatchObject({ code: 0, stderr: "" });
    expect(same.stdout).toContain("No drift: the 3 operations of our spec match Alibaba's metadata.");
    const drift = await run(["--spec", spec, "--meta", join(FIXTURES, "type-change")]);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain(
      "  ListThings: parameter PageSize type changed from Integer to Long\n1 difference in 1 of 3 operations.\n",
    );
  });

  it("exits 2 with a clear message on a usage or input error", async () => {
    const missing = await run(["--spec", join(FIXTURES, "spec.yaml")]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain("--meta <folder> is required.");
    const noFolder = await run(["--meta", join(FIXTURES, "no-such-folder")]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain("no-such-folder: no such folder; pass --meta");
    const noSpec = await run(["--spec", join(FIXTURES, "nope.yaml"), "--meta", join(FIXTURES, "same")]);
    expect(noSpec.code).toBe(2);
    expect(noSpec.stderr).toContain("cannot read the spec (no such file)");
    expect(noSpec.stderr).not.toContain("    at ");
  });

  it("--write updates the spec file and points at npm run regen", async () => {
    const spec = join(await mkdtemp(join(tmpdir(), "upstream-")), "openapi.yaml");
    await copyFile(join(FIXTURES, "spec.yaml"), spec);
    const written = await run(["--spec", spec, "--meta", join(FIXTURES, "everything"), "--write"]);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain("request parameters updated in 3 operations.");
    expect(written.stdout).toContain("Next: npm run regen");
    expect(await readFile(spec, "utf8")).toContain("- name: SearchKey");
    expect((await run(["--spec", spec, "--meta", join(FIXTURES, "everything")])).code).toBe(0);
  });
});
