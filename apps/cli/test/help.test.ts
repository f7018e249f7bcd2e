import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ACCESS_KEY } from "./fixtures/credentials.js";
import { CLI_BIN } from "./fixtures/paths.js";
import { runCli } from "./fixtures/runCli.js";

const COMMANDS = [
  "resume",
  "suspend",
  "stop",
  "rerun",
  "make-success",
  "wait",
  "status",
  "watch",
  "run",
  "publish",
  "offline",
  "schedule",
  "create-flow",
  "add-node",
  "instances",
  "task-flows",
  "flows",
  "flow-show",
  "versions",
  "tenants",
  "call",
  "completion",
  "help",
];
const RECORD_IMPORTS = fileURLToPath(new URL("./fixtures/recordImports.mjs", import.meta.url));

describe("help", () => {
  it("dmsflow --help", async () => {
    const result = await runCli(["--help"], {});
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    await expect(result.stdout).toMatchFileSnapshot("__snapshots__/help/dmsflow.txt");
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command} +[A-Z]`, "m"));
  });

  it.each(COMMANDS)("dmsflow %s --help, with an example", async (command) => {
    const result = await runCli([command, "--help"], {});
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    await expect(result.stdout).toMatchFileSnapshot(`__snapshots__/help/${command}.txt`);
    const examples = result.stdout.slice(result.stdout.indexOf("\nExamples:\n"));
    expect(examples).toMatch(new RegExp(`^  dmsflow ${command}\\b`, "m"));
    // -h and `dmsflow help <command>` print the same text.
    expect((await runCli([command, "-h"], {})).stdout).toBe(result.stdout);
    expect((await runCli(["help", command], {})).stdout).toBe(result.stdout);
  });

  it("dmsflow call <Action> --help, from the operation table", async () => {
    const result = await runCli(["call", "ResumeTaskFlowInstance", "--help"], {});
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot("__snapshots__/help/call-ResumeTaskFlowInstance.txt");
    expect((await runCli(["help", "call", "ResumeTaskFlowInstance"], {})).stdout).toBe(result.stdout);
  });

  it("--help and --version do not load @dmsflow/core, nor the client unless the help lists its names; JMESPath and string-width load only when used (startup time)", () => {
    const dir = mkdtempSync(join(tmpdir(), "dmsflow-imports-"));
    try {
      const loaded = (args: string[]) => {
        const log = join(dir, `${args.join("_")}.log`);
        const run = spawnSync(process.execPath, ["--import", RECORD_IMPORTS, CLI_BIN, ...args], {
          env: {
            PATH: process.env.PATH,
            HOME: dir,
            DMSFLOW_TEST_IMPORT_LOG: log,
            ALIBABA_CLOUD_ENDPOINT: "http://127.0.0.1:9",
            ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY.id,
            ALIBABA_CLOUD_ACCESS_KEY_SECRET: ACCESS_KEY.secret,
          },
          encoding: "utf8",
        });
        expect(run.status, run.stderr).toBe(0);
        return readFileSync(log, "utf8");
      };
      for (const args of [["--help"], ["--version"], ["resume", "--help"], ["instances", "--help"]]) {
        const urls = loaded(args);
        expect(urls).toContain("/apps/cli/dist/esm/run.js");
        // Core, with its HTTP, signing and credentials, stays unloaded.
        expect(urls).not.toMatch(/\/packages\/core\//);
        // So does the client's bundle, but for `instances --help`, which lists the status names
        // (they come from the spec's enumerations).
        if (args[0] !== "instances") expect(urls).not.toMatch(/\/packages\/client\//);
        else expect(urls).toMatch(/\/packages\/client\//);
      }
      // The same check sees core when a command does call the API (a dry run, so nothing is sent).
      const dryRun = loaded(["resume", "--dag-id", "1", "--instance-id", "2", "--dry-run"]);
      expect(dryRun).toMatch(/\/packages\/core\/dist\//);
      // The JMESPath library loads only for --query (or rows=), string-width only for a table (a dry run prints none).
      expect(dryRun.match(/.*(@jmespath-community|string-width).*/)?.[0]).toBeUndefined();
      const queried = loaded(["resume", "--dag-id", "1", "--instance-id", "2", "--dry-run", "--query", "Action"]);
      expect(queried).toMatch(/@jmespath-community\/jmespath/);
      expect(queried).not.toMatch(/string-width/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
