import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { packagesExposingClient } from "../src/regenMain.js";
import { fixture, ROOT } from "./fixturePaths.js";

const run = promisify(execFile);

describe("npm run regen", () => {
  it("regenerates, prints the API diff and writes a changeset at the right bump", async () => {
    const dir = await mkdtemp(join(tmpdir(), "regen-"));
    const { stdout } = await run(
      process.execPath,
      [
        join(ROOT, "tools/codegen/bin/regen.mjs"),
        "--from",
        fixture("minimal"),
        "--spec",
        fixture("minimal-major"),
        "--out",
        join(dir, "out"),
        "--changeset-dir",
        join(dir, "changesets"),
      ],
      { cwd: ROOT },
    );
    expect(stdout).toContain(
      "API changes:\n  major  PauseJob: parameter JobId type changed from Long to String\n  major  PauseJob: response field Job.State removed\n",
    );
    const [file] = await readdir(join(dir, "changesets"));
    const text = await readFile(join(dir, "changesets", file!), "utf8");
    const packages = await packagesExposingClient(ROOT);
    expect(text).toBe(
      `---\n${packages.map((p) => `"${p}": major`).join("\n")}\n---\n\nRegenerated from \`tools/codegen/test/fixtures/minimal-major.yaml\`:\n\n- PauseJob: parameter JobId type changed from Long to String\n- PauseJob: response field Job.State removed\n`,
    );
    expect(await readFile(join(dir, "out/operations/pauseJob.ts"), "utf8")).toContain("JobId: string;");
  });

  it("names @dmsflow/client first, then the packages whose surface follows it (core's DmsClient extends DmsOperations)", async () => {
    const packages = await packagesExposingClient(ROOT);
    expect(packages[0]).toBe("@dmsflow/client");
    expect(packages).toContain("@dmsflow/core");
  });
});
