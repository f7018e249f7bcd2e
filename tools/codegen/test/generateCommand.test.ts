import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { fixture, ROOT } from "./fixturePaths.js";

const run = promisify(execFile);
const generate = (args: string[]) =>
  run(process.execPath, [join(ROOT, "tools/codegen/bin/generate.mjs"), ...args], { cwd: ROOT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe("npm run generate", () => {
  it("generates into a folder, prints one summary line with each stage's milliseconds, and is then clean under --check", async () => {
    const out = await mkdtemp(join(tmpdir(), "codegen-out-"));
    const first = await generate(["--spec", fixture("minimal"), "--out", out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^codegen: \d+ files, \d+ written, 0 removed in \d+ms \(load \d+ms, ir \d+ms, plan \d+ms, emit \d+ms, write \d+ms\)\n$/,
    );
    const check = await generate(["--spec", fixture("minimal"), "--out", out, "--check"]);
    expect(check.code).toBe(0);
  });

  it("--check fails naming the stale files and the command to run, after a spec change", async () => {
    const out = await mkdtemp(join(tmpdir(), "codegen-stale-"));
    await generate(["--spec", fixture("minimal"), "--out", out]);
    await writeFile(join(out, "operations/leftover.ts"), "// old\n");
    const check = await generate(["--spec", fixture("minimal-plus"), "--out", out, "--check"]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("out of date: models/Job.ts");
    expect(check.stderr).toContain("out of date: operations/pauseJob.ts");
    expect(check.stderr).toContain("no longer generated: operations/leftover.ts");
    expect(check.stderr).toContain("Run `npm run generate`");
  });

  it("stops on a spec error with the spec path and no stack trace", async () => {
    const dir = await mkdtemp(join(tmpdir(), "codegen-bad-"));
    const spec = join(dir, "openapi.yaml");
    const text = await readFile(fixture("minimal"), "utf8");
    await writeFile(spec, text.replace("format: int64, examples", "format: int65, examples"));
    const result = await generate(["--spec", spec, "--out", join(dir, "out")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'paths./?Action=PauseJob.post.parameters[0].schema.format: unsupported format "int65" for an integer parameter; use int32 or int64.',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses unknown flags with usage", async () => {
    const result = await generate(["--chek"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: npm run generate");
  });

  it("the committed client is what the spec generates", async () => {
    const result = await generate(["--check"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("keeps a copied client current after regenerating from a changed spec", async () => {
    const dir = await mkdtemp(join(tmpdir(), "codegen-copy-"));
    await cp(join(ROOT, "packages/client/src/generated"), join(dir, "generated"), { recursive: true });
    const spec = join(dir, "openapi.yaml");
    const text = await readFile(join(ROOT, "specs/dms-enterprise/2018-11-01/openapi.yaml"), "utf8");
    await writeFile(
      spec,
      text.replace(
        '        - $ref: "#/components/parameters/Tid"\n      responses:\n        "200":\n          $ref: "#/components/responses/EnvelopeOnly"',
        '        - name: Comment\n          in: query\n          description: Why.\n          schema: { type: string }\n        - $ref: "#/components/parameters/Tid"\n      responses:\n        "200":\n          $ref: "#/components/responses/EnvelopeOnly"',
      ),
    );
    const result = await generate(["--spec", spec, "--out", join(dir, "generated")]);
    expect(result.code).toBe(0);
    const resume = await readFile(join(dir, "generated/operations/resumeTaskFlowInstance.ts"), "utf8");
    expect(resume).toContain("Comment?: string;");
    expect(resume).toContain('{ name: "Comment", wireType: "String", required: false },');
    expect(await readFile(join(dir, "generated/operationDocs.ts"), "utf8")).toContain('Comment: "Why.",');
  });
});
