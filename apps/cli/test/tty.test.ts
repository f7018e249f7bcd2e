import { describe, expect, it } from "vitest";
import { cliEnv } from "./fixtures/cliEnvironment.js";
import { runInPty } from "./fixtures/runInPty.js";
import { useCliTestContext } from "./fixtures/testContext.js";

const t = useCliTestContext();
const ESC = "\x1b[";
const pty = (args: string[], env: Record<string, string> = {}) => runInPty(args, cliEnv(t.emulator.url, t.home, env));

describe("on a terminal", () => {
  it("prints a coloured table by default", async () => {
    const result = await pty(["instances", "--dag-id", "11"]);
    expect(result.code).toBe(0);
    expect(result.output).toContain(`${ESC}1mID`);
    expect(result.output).toContain(`${ESC}33msuspended${ESC}39m`);
    expect(result.output).toContain(`${ESC}31mfailed${ESC}39m`);
  });

  it("drops the colours with NO_COLOR or --no-color, keeping the table", async () => {
    for (const [args, env] of [
      [["instances", "--dag-id", "11"], { NO_COLOR: "1" }],
      [["instances", "--dag-id", "11", "--no-color"], {}],
      [["instances", "--dag-id", "11"], { TERM: "dumb" }],
    ] as const) {
      const result = await pty([...args], { ...env });
      expect(result.output).toMatch(/^ID\s+STATUS\s+VERSION/);
      expect(result.output).not.toContain(ESC);
    }
  });

  it("draws a progress bar for bulk resume, then clears it for the summary", async () => {
    const result = await pty(["resume", "--dag-id", "11", "--all-suspended"]);
    expect(result.code).toBe(0);
    expect(result.output).toContain("\rListing the suspended instances of task flow 11…");
    expect(result.output).toMatch(/\rResuming \[.*█.*\]\s+\d\/2\s+\d+%/);
    expect(result.output).toContain("\r\x1b[K");
    expect(result.output.slice(result.output.lastIndexOf("\x1b[K") + 3)).toMatch(
      /^.*Resumed 2.* of 2 suspended instances of task flow 11 in \d+\.\ds\.\n$/,
    );
  });

  it("colours the error label", async () => {
    const result = await pty(["resume", "--dag-id", "x"]);
    expect(result.code).toBe(2);
    expect(result.output).toBe(`${ESC}31merror:${ESC}39m --dag-id must be a whole number such as 12345; got "x".\n`);
  });
});

describe("in a pipe", () => {
  it("prints tab-separated text without colours, and no progress bar", async () => {
    const listing = await t.cli(["instances", "--dag-id", "11", "--status", "suspended"]);
    expect(listing.stdout).toBe(
      "102\tsuspended\t2002\tscheduled\t2024-01-11 01:00:00\t-\t-\t-\n101\tsuspended\t2002\tscheduled\t2024-01-10 01:00:00\t-\t-\tpaused by operator\n",
    );
    const bulk = await t.cli(["resume", "--dag-id", "11", "--all-suspended", "-o", "table"]);
    expect(bulk.code).toBe(0);
    expect(bulk.stderr).toBe("");
    expect(bulk.stdout).toMatch(/^Resumed 2 of 2 suspended instances of task flow 11 in \d+\.\ds\.\n$/);
    expect(bulk.stdout + bulk.stderr).not.toContain("\r");
  });

  it("colours a pipe only when FORCE_COLOR asks", async () => {
    const result = await t.cli(["instances", "--dag-id", "11", "-o", "table"], { FORCE_COLOR: "1" });
    expect(result.stdout).toContain(`${ESC}1mID`);
  });
});
