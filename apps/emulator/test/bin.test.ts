import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_SEED,
  type EmulatorProcess,
  prepareEmulatorBin,
  runEmulator,
  spawnEmulator,
  stopEmulator,
  tempDir,
} from "./fixtures/emulatorProcess.js";
import { expectSuccess } from "./fixtures/expectations.js";
import { sendRequest } from "./fixtures/sendRequest.js";
import { signV3 } from "./fixtures/signRequest.js";
import { testDatabase } from "./fixtures/testDatabase.js";

const require = createRequire(import.meta.url);

// The command-line contract: one JSON line when ready, clean shutdown on signals, one-line errors.
const running: EmulatorProcess[] = [];
beforeAll(prepareEmulatorBin);
afterEach(async () => {
  for (const p of running.splice(0)) await stopEmulator(p, "SIGKILL");
});

async function spawn(args: string[], env: Record<string, string> = {}) {
  const p = await spawnEmulator(args, env);
  running.push(p);
  return p;
}

describe("dmsflow-emulator", () => {
  it("prints exactly one JSON line with its URL on 127.0.0.1, and logs JSON lines to stderr", async () => {
    const p = await spawn(["--seed", DEMO_SEED]);
    expect(p.stdoutLines).toHaveLength(1);
    expect(p.stdoutLines[0]).toMatch(/^\{"url":"http:\/\/127\.0\.0\.1:\d+"\}$/);
    const host = new URL(p.url).host;
    const reply = await sendRequest(
      p.url,
      signV3({ action: "ListTaskFlow", key: { id: "demo-key", secret: "demo-secret" }, host }),
    );
    expectSuccess(reply);
    // The log line is written after the answer, through a pipe: wait for it, not for a fixed time.
    while (!p.stderrLines.some((line) => line.includes('"msg":"request"'))) await new Promise((r) => setTimeout(r, 10));
    const lines = p.stderrLines.map((line) => JSON.parse(line));
    expect(lines.find((l) => l.msg === "request")).toMatchObject({
      action: "ListTaskFlow",
      accessKeyId: "demo-key",
      status: 200,
    });
    expect(await stopEmulator(p, "SIGTERM")).toEqual({ code: 0, signal: null });
    expect(p.stdoutLines).toHaveLength(1);
  });

  it("--seed demo uses the built-in demo seed, with no path", async () => {
    const p = await spawn(["--seed", "demo", "--quiet"]);
    const host = new URL(p.url).host;
    const key = { id: "demo-key", secret: "demo-secret" };
    expectSuccess(await sendRequest(p.url, signV3({ action: "ListTaskFlow", key, host })));
  });

  it("serves the console, whose URL it logs; --no-console turns it off", async () => {
    const p = await spawn(["--seed", "demo"]);
    const listening = p.stderrLines.map((line) => JSON.parse(line)).find((l) => l.msg === "listening");
    expect(listening.console).toBe(`${p.url}/_emulator/console`);
    expect(listening.seeded).toMatchObject({ tenants: 2 });
    const page = await sendRequest(p.url, { method: "GET", path: "/_emulator/console" });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<script type="module" src="/_emulator/console/main.js">');
    const off = await spawn(["--no-console", "--quiet"]);
    expect((await sendRequest(off.url, { method: "GET", path: "/_emulator/console" })).json.Code).toBe("AdminDisabled");
  });

  it.each(["SIGINT", "SIGTERM"] as const)("shuts down cleanly on %s (exit 0)", async (signal) => {
    const p = await spawn(["--quiet"]);
    expect(await stopEmulator(p, signal)).toEqual({ code: 0, signal: null });
    expect(p.stderrLines).toEqual([]);
  });

  it("listens on the port it is given", async () => {
    const probe = await spawn(["--quiet"]);
    const port = new URL(probe.url).port;
    await stopEmulator(probe);
    const p = await spawn(["--port", port, "--quiet"]);
    expect(p.url).toBe(`http://127.0.0.1:${port}`);
  });

  it("takes the admin token from DMSFLOW_EMULATOR_ADMIN_TOKEN", async () => {
    const p = await spawn(["--quiet"], { DMSFLOW_EMULATOR_ADMIN_TOKEN: "from-env" });
    const reply = await sendRequest(p.url, {
      method: "GET",
      path: "/_emulator/inspect",
      headers: { authorization: "Bearer from-env" },
    });
    expect(reply.status).toBe(200);
  });

  it("prints usage for --help and exits 0", async () => {
    const p = runEmulator(["--help"]);
    expect(await p.exited).toEqual({ code: 0, signal: null });
    expect(p.stdoutLines[0]).toMatch(/^Usage: dmsflow-emulator/);
  });
});

describe("dmsflow-emulator refuses bad input with one line, no stack trace", () => {
  const badSeed = () => {
    const path = join(tempDir(), "bad.json");
    writeFileSync(path, JSON.stringify({ instances: [{ Id: 1, DagId: 2, status: 9 }] }));
    return path;
  };
  const notSqlite = () => {
    const path = join(tempDir(), "notes.txt");
    writeFileSync(path, "these are not the rows you are looking for\n".repeat(100));
    return path;
  };
  const broken = () => {
    const path = join(tempDir(), "broken.json");
    writeFileSync(path, "{ not json");
    return path;
  };

  it.each([
    [["--port", "http"], 2, /^dmsflow-emulator: --port must be a whole number from 0 to 65535; got "http"\.$/],
    [["--prot", "1"], 2, /^dmsflow-emulator: Unknown option "--prot"; see --help\.$/],
    [["--data"], 2, /^dmsflow-emulator: --data needs a value; see --help\.$/],
    [
      ["--seed", "/nonexistent/seed.json"],
      1,
      /^dmsflow-emulator: Cannot read the seed file \/nonexistent\/seed\.json: no such file\.$/,
    ],
    [
      ["--seed", "<bad>"],
      1,
      /^dmsflow-emulator: Invalid seed: instances\[0\]\.status must be one of 0 \(waiting to be scheduled\), .*, 5 \(completed\); got 9\.$/,
    ],
    [["--seed", "<broken>"], 1, /^dmsflow-emulator: The seed file .* is not valid JSON: /],
    [
      ["--data", "/nonexistent/dir/state.db"],
      1,
      /^dmsflow-emulator: Cannot open the data file \/nonexistent\/dir\/state\.db: its directory does not exist \(SQLITE_CANTOPEN, ENOENT\); create it or pick another --data path\.$/,
    ],
    [
      ["--data", "<notSqlite>"],
      1,
      /^dmsflow-emulator: The data file .*notes\.txt is not a SQLite database \(SQLITE_NOTADB\); it was left untouched: pick another --data file \(a new path creates one\)\.$/,
    ],
  ])("%j exits %i", async (args, code, message) => {
    const fixtures: Record<string, () => string> = { "<bad>": badSeed, "<broken>": broken, "<notSqlite>": notSqlite };
    const resolved = args.map((a) => fixtures[a]?.() ?? a);
    const p = runEmulator(resolved);
    expect(await p.exited).toEqual({ code, signal: null });
    expect(p.stdoutLines).toEqual([]);
    expect(p.stderrLines).toHaveLength(1);
    expect(p.stderrLines[0]).toMatch(message);
  });

  it("another application's SQLite database: exit 1, one line, the file untouched", async () => {
    const dir = tempDir();
    const path = join(dir, "crm.db");
    const other = testDatabase(path);
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada')");
    other.close();
    const before = readFileSync(path);
    const p = runEmulator(["--data", path, "--seed", DEMO_SEED]);
    expect(await p.exited).toEqual({ code: 1, signal: null });
    expect(p.stdoutLines).toEqual([]);
    expect(p.stderrLines).toEqual([
      `dmsflow-emulator: The data file ${path} is another application's SQLite database (it holds customers), not an emulator data file; it was left untouched: pick another --data file (a new path creates one).`,
    ]);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["crm.db"]);
  });

  it("an SQLite addon named by DMSFLOW_EMULATOR_SQLITE_ADDON that does not load exits 1 naming the variable", async () => {
    const p = runEmulator(["--data", ":memory:"], { DMSFLOW_EMULATOR_SQLITE_ADDON: "/nonexistent/better_sqlite3.node" });
    expect(await p.exited).toEqual({ code: 1, signal: null });
    expect(p.stderrLines).toHaveLength(1);
    expect(p.stderrLines[0]).toMatch(
      /^dmsflow-emulator: Cannot open the data file :memory:: the SQLite addon \/nonexistent\/better_sqlite3\.node named by DMSFLOW_EMULATOR_SQLITE_ADDON does not load \(Cannot find module .*\); unset DMSFLOW_EMULATOR_SQLITE_ADDON or point it at a better_sqlite3\.node built for Node v\d+/,
    );
  });

  it("loads the SQLite addon named by DMSFLOW_EMULATOR_SQLITE_ADDON instead of the installed one", async () => {
    // A copy of the addon this Node loads, under a name only the variable can lead to.
    const installed =
      process.env.DMSFLOW_EMULATOR_SQLITE_ADDON || require.resolve("better-sqlite3/build/Release/better_sqlite3.node");
    const copy = join(tempDir(), "renamed_sqlite.node");
    copyFileSync(installed, copy);
    const p = await spawn(["--quiet", "--data", join(tempDir(), "state.db")], { DMSFLOW_EMULATOR_SQLITE_ADDON: copy });
    expect(p.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(readFileSync(`/proc/${p.child.pid}/maps`, "utf8")).toContain(copy);
  });

  it("a port in use", async () => {
    const first = await spawn(["--quiet"]);
    const p = runEmulator(["--port", new URL(first.url).port]);
    expect(await p.exited).toEqual({ code: 1, signal: null });
    expect(p.stderrLines).toEqual([
      `dmsflow-emulator: Port ${new URL(first.url).port} on 127.0.0.1 is already in use; pick another --port (0 picks a free one).`,
    ]);
  });
});
