import { describe, expect, it } from "vitest";
import type { OptionSpec } from "./optionSpec.js";
import { parseArgv } from "./parseArgv.js";

const specs: OptionSpec[] = [
  { name: "dag-id", kind: "string", valueName: "<id>", help: "" },
  { name: "all-suspended", kind: "boolean", help: "" },
  { name: "output", kind: "string", short: "o", help: "" },
];
const how = { commandLine: "dmsflow resume" };

describe("parseArgv", () => {
  it("reads --name value, --name=value, short flags, booleans and positionals", () => {
    const parsed = parseArgv(["--dag-id", "11", "-o=json", "--all-suspended", "extra"], specs, how);
    expect(Object.fromEntries(parsed.options)).toEqual({ "dag-id": "11", output: "json", "all-suspended": true });
    expect(parsed.positionals).toEqual(["extra"]);
    expect(parseArgv(["-o", "text", "--dag-id=9007199254740993"], specs, how).options.get("dag-id")).toBe("9007199254740993");
  });

  it("collects every value of a repeatable flag, and joins a continued value (aliyun's --output cols= rows=)", () => {
    const more: OptionSpec[] = [
      { name: "instance-id", kind: "string", help: "", repeatable: true },
      {
        name: "output",
        kind: "string",
        help: "",
        continues: (value, next) => value.startsWith("cols=") && next?.startsWith("rows=") === true,
      },
    ];
    const parsed = parseArgv(["--instance-id", "1", "--instance-id=2", "--output", "cols=Id", "rows=A[]", "x"], more, how);
    expect(parsed.repeated.get("instance-id")).toEqual(["1", "2"]);
    expect(parsed.options.get("output")).toBe("cols=Id rows=A[]");
    expect(parsed.positionals).toEqual(["x"]);
    expect(() => parseArgv(["--dag-id", "1", "--dag-id", "2"], specs, how)).toThrow("--dag-id is given more than once");
  });

  it("takes everything after -- as positionals and a negative number as a value", () => {
    expect(parseArgv(["--", "--dag-id"], specs, how).positionals).toEqual(["--dag-id"]);
    expect(parseArgv(["--dag-id", "-5"], specs, how).options.get("dag-id")).toBe("-5");
  });

  it("names the unknown flag and suggests the close one", () => {
    expect(() => parseArgv(["--dag-di", "1"], specs, how)).toThrow(
      "unknown option --dag-di for 'dmsflow resume'. Did you mean --dag-id? Run 'dmsflow resume --help' for usage.",
    );
    expect(() => parseArgv(["-x"], specs, how)).toThrow("unknown option -x for 'dmsflow resume'. Run");
  });

  it("refuses a missing value, a value on a boolean and a repeated flag", () => {
    expect(() => parseArgv(["--dag-id"], specs, how)).toThrow("--dag-id needs a value: --dag-id <id>.");
    expect(() => parseArgv(["--dag-id", "--all-suspended"], specs, how)).toThrow("--dag-id needs a value");
    expect(() => parseArgv(["--all-suspended=yes"], specs, how)).toThrow("--all-suspended takes no value");
    expect(() => parseArgv(["--dag-id", "1", "--dag-id=2"], specs, how)).toThrow("--dag-id is given more than once");
  });

  it("collects unknown --Name value pairs when asked (call)", () => {
    const parsed = parseArgv(["--DagId", "11", "--Tid=3", "-o", "json"], specs, { ...how, acceptExtra: true });
    expect(parsed.extra).toEqual([
      ["DagId", "11"],
      ["Tid", "3"],
    ]);
    expect(parsed.options.get("output")).toBe("json");
    expect(() => parseArgv(["--DagId"], specs, { ...how, acceptExtra: true })).toThrow("--DagId needs a value");
  });

  it("throws UsageError, which the CLI maps to exit code 2", () => {
    try {
      parseArgv(["--nope"], specs, how);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).name).toBe("UsageError");
    }
  });
});
