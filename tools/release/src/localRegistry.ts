import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { ROOT } from "./publishedPackages.js";

/** A verdaccio registry on 127.0.0.1 with no uplinks, and a token that may publish to it. */
export interface LocalRegistry {
  readonly url: string;
  readonly token: string;
  /** `.npmrc` lines that send every package to this registry, with the token. */
  readonly npmrc: string;
  stop(): Promise<void>;
}

/** Starts verdaccio with its storage in `dir`; offline (no uplinks), so nothing reaches the network. */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const config = join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${join(dir, "storage")}`,
      "auth:",
      "  htpasswd:",
      `    file: ${join(dir, "htpasswd")}`,
      "    max_users: 100",
      "uplinks: {}",
      "packages:",
      "  '@dmsflow/*': { access: $all, publish: $authenticated, unpublish: $authenticated }",
      "  '**': { access: $all, publish: $authenticated }",
      "server: { keepAliveTimeout: 60 }",
      `listen: 127.0.0.1:${port}`,
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  const child = spawn(process.execPath, [join(ROOT, "node_modules/verdaccio/bin/verdaccio"), "--config", config], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  try {
    await waitFor(
      async () => (await fetch(`${url}/-/ping`)).ok,
      30_000,
      () => `verdaccio did not start:\n${output}`,
    );
    const res = await fetch(`${url}/-/user/org.couchdb.user:ci`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "ci", password: "ci-password-not-secret" }),
    });
    const { token } = (await res.json()) as { token: string };
    const host = url.replace(/^http:/, "");
    return { url, token, npmrc: `registry=${url}/\n${host}/:_authToken=${token}\n`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls until `ready` resolves true, or fails with `why()` after `ms`. */
export async function waitFor(ready: () => Promise<boolean>, ms: number, why: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(why());
}

/**
 * Ends a child process and waits for it, escalating to SIGKILL. A child spawned with `detached: true`
 * leads its own process group, and the whole group is signalled: `npx` does not pass SIGTERM on to
 * the program it started.
 */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined && groupLeaders.has(child)) process.kill(-child.pid, name);
      else child.kill(name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

const groupLeaders = new WeakSet<ChildProcess>();

/** Spawns a process in its own process group, so that stopChild ends everything it starts. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  groupLeaders.add(child);
  return child;
}
