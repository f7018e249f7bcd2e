import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DEMO = fileURLToPath(new URL("../demo/demo.mjs", import.meta.url));
const REPO = fileURLToPath(new URL("../../../", import.meta.url));

describe("npm run demo", () => {
  it("runs every step against the in-process emulator, with no credentials or configuration, and exits 0", async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve, reject) => {
        // Nothing but PATH: no AccessKey, no region, and a HOME that does not exist. (On the Node
        // matrix, also the SQLite addon built for this Node: runtime plumbing, not configuration.)
        const addon = process.env.DMSFLOW_EMULATOR_SQLITE_ADDON;
        const child = spawn(process.execPath, [DEMO], {
          cwd: REPO,
          env: { PATH: process.env.PATH, HOME: "/nonexistent", ...(addon ? { DMSFLOW_EMULATOR_SQLITE_ADDON: addon } : {}) },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        let err = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
        });
        child.stderr.on("data", (chunk: Buffer) => {
          err += chunk.toString();
        });
        child.on("error", reject);
        child.on("close", (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }));
      },
    );
    expect(code, stderr).toBe(0);
    expect(stderr).toBe("");
    const steps = stdout.split("\n").filter((line) => /^\[[1-5]\/5\] /.test(line));
    expect(steps.map((line) => line.slice(0, 6))).toEqual(["[1/5] ", "[2/5] ", "[3/5] ", "[4/5] ", "[5/5] "]);
    expect(stdout).toMatch(/^\[0\/5\] Started a local DMS emulator at http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/^ID\s+STATUS\s+VERSION/m);
    expect(stdout).toMatch(/^Resumed instance \d+ of task flow \d+\./m);
    expect(stdout).toMatch(/^Instance \d+ of task flow \d+ is running/m);
    expect(stdout).toMatch(/^Resumed (\d+) of \1 suspended instances of task flow \d+ in/m);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("Done. 'node apps/cli/dist/esm/bin.js --help' lists every command.");
  });
});
