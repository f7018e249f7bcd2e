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
    // The only line on stderr is the story's failed run, as `dmsflow watch` reports it (exit code 1, expected).
    expect(stderr).toMatch(/^error: instance \d+ of task flow \d+ failed at node aggregate_daily \(\d+\): division by zero/);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    const steps = stdout.split("\n").filter((line) => /^\[([1-9]|1[0-4])\/14\] /.test(line));
    expect(steps.map((line) => line.slice(0, line.indexOf("]") + 1))).toEqual(
      Array.from({ length: 14 }, (_, i) => `[${i + 1}/14]`),
    );
    expect(stdout).toMatch(/^\[0\/14\] Started a local DMS emulator at http:\/\/127\.0\.0\.1:\d+/);
    // The story: the flow is defined through the API (its ID printed alone by --query), published and
    // run; it fails at its second node (watch follows it, status shows why), the operator reruns it,
    // and watch sees it succeed.
    const dagId = /^\[1\/14\] .*\n(\d+)$/m.exec(stdout)?.[1];
    expect(dagId).toBeDefined();
    expect(stdout).toMatch(
      new RegExp(`^Added node aggregate_daily \\(\\d+\\) to task flow ${dagId}, after load_orders\\.$`, "m"),
    );
    expect(stdout).toMatch(new RegExp(`^Published and deployed task flow ${dagId} `, "m"));
    expect(stdout).toMatch(/^\d\d:\d\d:\d\d node aggregate_daily: (\w+ -> )?failed: division by zero in aggregate_daily$/m);
    expect(stdout).toMatch(/^[ \d]+> \w+ +failed .*\n +division by zero in aggregate_daily$/m);
    expect(stdout).toMatch(new RegExp(`^Reran instance \\d+ of task flow ${dagId}\\.`, "m"));
    expect(stdout).toMatch(/^\d\d:\d\d:\d\d run \d+: \w+ -> succeeded$/m);
    expect(stdout).toMatch(/^ID\s+STATUS\s+VERSION/m);
    expect(stdout).toMatch(/^Resumed instance \d+ of task flow \d+\./m);
    expect(stdout).toMatch(/^Instance \d+ of task flow \d+ is running/m);
    expect(stdout).toMatch(/^Resumed (\d+) of \1 suspended instances of task flow \d+ in/m);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("Done. 'npx dmsflow --help' lists every command.");
  });
});
