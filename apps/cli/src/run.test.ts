import { describe, expect, it } from "vitest";
import type { CliIo } from "./cliIo.js";
import { run } from "./run.js";

function memoryIo(env: Record<string, string> = {}, tty = false): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (text: string) => (out += text), isTTY: tty },
    stderr: { write: (text: string) => (err += text), isTTY: tty },
    env,
    version: "1.2.3",
    out: () => out,
    err: () => err,
  };
}

describe("run (in-process)", () => {
  it("prints the version it is given", async () => {
    const io = memoryIo();
    expect(await run(["-V"], io)).toBe(0);
    expect(io.out()).toBe("dmsflow 1.2.3\n");
  });

  it("accepts global flags before the command and command flags after it", async () => {
    const io = memoryIo();
    expect(await run(["--output", "json", "resume", "--help"], io)).toBe(0);
    expect(io.out()).toMatch(/^dmsflow resume: /);
  });

  it("turns every mistake into one line on stderr and exit code 2", async () => {
    const io = memoryIo();
    expect(await run(["resume", "--dag-id", "1", "--instance-id", "abc"], io)).toBe(2);
    expect(io.out()).toBe("");
    expect(io.err()).toBe('error: --instance-id must be a whole number such as 12345; got "abc".\n');
  });

  it("colours the error label on a terminal unless NO_COLOR is set", async () => {
    const tty = memoryIo({}, true);
    await run(["nope"], tty);
    expect(tty.err()).toBe("\x1b[31merror:\x1b[39m unknown command 'nope'. Run 'dmsflow --help' for the list.\n");
    const noColor = memoryIo({ NO_COLOR: "1" }, true);
    await run(["nope"], noColor);
    expect(noColor.err()).toBe("error: unknown command 'nope'. Run 'dmsflow --help' for the list.\n");
  });

  it("runs a command that needs no API: completion", async () => {
    const io = memoryIo();
    expect(await run(["completion", "bash"], io)).toBe(0);
    expect(io.out()).toContain("complete -F _dmsflow dmsflow");
  });
});
