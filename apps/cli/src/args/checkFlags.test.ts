import { describe, expect, it } from "vitest";
import type { CommandSpec } from "../commands/commandSpec.js";
import { checkFlags } from "./checkFlags.js";
import { parseArgv } from "./parseArgv.js";
import { parseId } from "./parseId.js";
import { UsageError } from "./usageError.js";

const spec: CommandSpec = {
  name: "demo",
  summary: "",
  group: "Other commands",
  usage: [],
  description: "",
  flags: [
    { name: "dag-id", kind: "string", valueName: "<id>", help: "", required: true, parse: parseId },
    { name: "instance-id", kind: "string", valueName: "<id>", help: "", parse: parseId },
    { name: "all", kind: "boolean", help: "" },
    { name: "batch", kind: "string", help: "", default: "4", parse: (_flag, text) => Number(text) },
    { name: "mode", kind: "string", help: "", choices: ["fast", "safe"] },
    { name: "format", kind: "string", help: "", choices: ["a", "b", "c"], required: true, default: "a" },
    { name: "state", kind: "string", help: "", required: false, choices: async () => ["x"] },
  ],
  relations: [
    {
      kind: "exclusive",
      flags: [
        { flag: "instance-id", means: "one", purpose: "to act on one" },
        { flag: "all", means: "every one", purpose: "to act on all" },
      ],
      oneRequired: true,
    },
    { kind: "dependsOn", flags: ["batch", "mode"], on: "all" },
  ],
  args: { min: 0, max: 1, name: "a word" },
  examples: [],
  load: () => Promise.reject(new Error("not used")),
};

const check = (argv: string[]) => checkFlags(spec, parseArgv(argv, spec.flags, { commandLine: "dmsflow demo" }));
const usage = "Run 'dmsflow demo --help' for usage.";

describe("checkFlags", () => {
  it("returns each value as its parser made it, and defaults parsed like given values", async () => {
    const flags = await check(["--dag-id", "007", "--all", "--batch", "16", "--mode", "safe"]);
    expect(flags.string("dag-id")).toBe("7");
    expect(flags.has("all")).toBe(true);
    expect(flags.number("batch")).toBe(16);
    expect(flags.string("mode")).toBe("safe");
    expect(flags.string("format")).toBe("a");
    expect(flags.has("instance-id")).toBe(false);
    expect((await check(["--dag-id", "1", "--all"])).requiredNumber("batch")).toBe(4);
  });

  it("names a missing required flag with its value, or its choices", async () => {
    const noDefault = { ...spec, flags: spec.flags.map((f) => (f.name === "format" ? { ...f, default: undefined } : f)) };
    await expect(check(["--all"])).rejects.toThrow(`--dag-id <id> is required. ${usage}`);
    await expect(
      checkFlags(noDefault, parseArgv(["--dag-id", "1", "--all"], spec.flags, { commandLine: "dmsflow demo" })),
    ).rejects.toThrow(`--format a|b|c is required. ${usage}`);
  });

  it("checks fixed choices: 'x or y' for two, 'one of' for more", async () => {
    await expect(check(["--dag-id", "1", "--all", "--mode", "slow"])).rejects.toThrow('--mode must be fast or safe; got "slow".');
    await expect(check(["--dag-id", "1", "--all", "--format", "d"])).rejects.toThrow('--format must be one of a, b, c; got "d".');
    // Choices loaded on demand are checked alike.
    expect((await check(["--dag-id", "1", "--all", "--state", "x"])).string("state")).toBe("x");
    await expect(check(["--dag-id", "1", "--all", "--state", "y"])).rejects.toThrow('--state must be one of x; got "y".');
  });

  it("applies the declared relations: exclusive, one of them required, depends-on", async () => {
    await expect(check(["--dag-id", "1", "--instance-id", "2", "--all"])).rejects.toThrow(
      "give either --instance-id <id> (one) or --all (every one), not both.",
    );
    await expect(check(["--dag-id", "1"])).rejects.toThrow(
      `--instance-id <id> is required to act on one; or give --all to act on all. ${usage}`,
    );
    await expect(check(["--dag-id", "1", "--instance-id", "2", "--mode", "fast"])).rejects.toThrow(
      "--mode applies only with --all.",
    );
    // A default is not a flag the user gave: it never trips depends-on.
    expect((await check(["--dag-id", "1", "--instance-id", "2"])).string("instance-id")).toBe("2");
  });

  it("checks flags in the order declared, before the relations", async () => {
    await expect(check(["--dag-id", "x", "--instance-id", "2", "--all"])).rejects.toThrow("--dag-id must be a whole number");
    await expect(check(["--dag-id", "1", "--instance-id", "y", "--all"])).rejects.toThrow("--instance-id must be a whole number");
  });

  it("counts positional arguments first", async () => {
    await expect(check(["a", "b"])).rejects.toThrow(`unexpected argument 'b' for 'dmsflow demo'. ${usage}`);
    const needsOne = { ...spec, args: { min: 1, max: 1, name: "a word" } };
    await expect(checkFlags(needsOne, parseArgv([], spec.flags, { commandLine: "dmsflow demo" }))).rejects.toThrow(
      `'dmsflow demo' needs a word. ${usage}`,
    );
    await expect(check(["a", "b"])).rejects.toBeInstanceOf(UsageError);
  });
});
