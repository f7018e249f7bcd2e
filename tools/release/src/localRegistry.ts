import { type ChildProcess, spawn } from "node:child_process";
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

/** Ends a child process and waits for it, escalating to SIGKILL. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
