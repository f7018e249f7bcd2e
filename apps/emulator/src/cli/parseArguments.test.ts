import { describe, expect, it } from "vitest";
import { parseArguments } from "./parseArguments.js";

describe("parseArguments", () => {
  it("has the documented defaults", () => {
    expect(parseArguments([], {})).toEqual({
      host: "127.0.0.1",
      port: 0,
      data: ":memory:",
      seed: undefined,
      adminToken: undefined,
      quiet: false,
      console: true,
      completeAfterMs: undefined,
      speed: undefined,
      randomSeed: undefined,
      maxConnections: undefined,
      maxConnectionsPerAddress: undefined,
      headersTimeoutMs: undefined,
      idleTimeoutMs: undefined,
      help: false,
    });
  });

  it("reads the connection limits and timeouts, and refuses 0", () => {
    const args = parseArguments(
      ["--max-connections", "100", "--max-connections-per-address=50", "--headers-timeout", "2000", "--idle-timeout=3000"],
      {},
    );
    expect(args).toMatchObject({
      maxConnections: 100,
      maxConnectionsPerAddress: 50,
      headersTimeoutMs: 2000,
      idleTimeoutMs: 3000,
    });
    expect(() => parseArguments(["--max-connections", "0"], {})).toThrow(
      '--max-connections must be a whole number from 1 to 1000000; got "0".',
    );
  });

  it("reads every flag, as --flag value and --flag=value", () => {
    const args = parseArguments(
      [
        "--host",
        "0.0.0.0",
        "--port=8080",
        "--data",
        "s.db",
        "--seed=seed.json",
        "--admin-token",
        "t",
        "--quiet",
        "--complete-after",
        "500",
      ],
      {},
    );
    expect(args).toMatchObject({
      host: "0.0.0.0",
      port: 8080,
      data: "s.db",
      seed: "seed.json",
      adminToken: "t",
      quiet: true,
      completeAfterMs: 500,
    });
  });

  it("turns the web console off with --no-console", () => {
    expect(parseArguments(["--no-console", "--seed", "demo"], {})).toMatchObject({ console: false, seed: "demo" });
  });

  it("reads the engine's speed and random seed, and refuses a speed of 0", () => {
    expect(parseArguments(["--speed", "60", "--random-seed=7"], {})).toMatchObject({ speed: 60, randomSeed: 7 });
    expect(parseArguments(["--speed=0.5"], {}).speed).toBe(0.5);
    expect(() => parseArguments(["--speed", "0"], {})).toThrow('--speed must be a number above 0 and at most 1000000; got "0".');
  });

  it("takes the admin token from the environment unless the flag gives one", () => {
    expect(parseArguments([], { DMSFLOW_EMULATOR_ADMIN_TOKEN: "env" }).adminToken).toBe("env");
    expect(parseArguments(["--admin-token", "flag"], { DMSFLOW_EMULATOR_ADMIN_TOKEN: "env" }).adminToken).toBe("flag");
  });

  it.each([
    [["--port", "65536"], '--port must be a whole number from 0 to 65535; got "65536".'],
    [["--port", "-1"], "--port must be a whole number from 0 to 65535"],
    [["--port"], "--port needs a value; see --help."],
    [["--seed", "--quiet"], "--seed needs a value; see --help."],
    [["--verbose"], 'Unknown option "--verbose"; see --help.'],
    [["serve"], 'Unknown option "serve"; see --help.'],
    [["--host="], "--host must not be empty."],
  ])("refuses %j", (argv, message) => {
    expect(() => parseArguments(argv, {})).toThrow(message);
  });
});
