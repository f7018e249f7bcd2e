import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFiles } from "./write.js";

describe("writeFiles", () => {
  it("writes new files, rewrites only changed ones and removes stale ones", async () => {
    const dir = await mkdtemp(join(tmpdir(), "codegen-write-"));
    const first = await writeFiles(
      dir,
      new Map([
        ["a.ts", "A"],
        ["sub/b.ts", "B"],
      ]),
      false,
    );
    expect(first).toEqual({ changed: ["a.ts", "sub/b.ts"], stale: [], unchanged: 0 });
    const before = (await stat(join(dir, "a.ts"))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const second = await writeFiles(
      dir,
      new Map([
        ["a.ts", "A"],
        ["sub/c.ts", "C"],
      ]),
      false,
    );
    expect(second).toEqual({ changed: ["sub/c.ts"], stale: ["sub/b.ts"], unchanged: 1 });
    expect((await stat(join(dir, "a.ts"))).mtimeMs).toBe(before);
    await expect(stat(join(dir, "sub/b.ts"))).rejects.toThrow(/ENOENT/);
  });

  it("in check mode reports differences and writes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "codegen-check-"));
    await writeFile(join(dir, "a.ts"), "old");
    const result = await writeFiles(dir, new Map([["a.ts", "new"]]), true);
    expect(result.changed).toEqual(["a.ts"]);
    expect(await readFile(join(dir, "a.ts"), "utf8")).toBe("old");
  });
});
