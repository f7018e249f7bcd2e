// Shared by the benches: starting a server process (the emulator's bundled bin or the stub), reading
// a process's CPU time from /proc, and running the load generator in its own process.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const nodeModules = join(dirname(require.resolve("better-sqlite3/package.json")), "..");

/** Child processes still running; killed when the bench exits. */
export const children = new Set();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/** Starts a server script (with `nodeArgs` for node itself) and resolves with the child and the URL from its first stdout line. */
export function startServer(command, args, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, command, ...args], {
    env: { ...process.env, NODE_PATH: nodeModules },
    stdio: ["ignore", "pipe", "ignore"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const nl = out.indexOf("\n");
      if (nl !== -1) resolve({ child, url: JSON.parse(out.slice(0, nl)).url });
    });
    child.on("exit", (code) => reject(new Error(`${command} exited with ${code} before it was ready`)));
  });
}

/** Stops a server with SIGTERM and waits for it to exit. */
export async function stopServer(server) {
  server.child.kill("SIGTERM");
  await new Promise((r) => server.child.once("exit", r));
}

/** A process's user + system CPU time in microseconds, from /proc (undefined where there is no /proc). */
export function procCpuMicros(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // utime + stime, in USER_HZ (100)
  } catch {
    return undefined;
  }
}

/**
 * Runs loadGenerator.mjs against `url` (signed Resume/Suspend of the instances firstId.. of dagId,
 * `concurrency` lanes, `warmupMs` then `seconds` measured) and resolves with its JSON figures.
 */
export function runLoad({ url, seconds, warmupMs, concurrency, key, dagId, firstId, instances }) {
  const child = spawn(
    process.execPath,
    [
      join(here, "loadGenerator.mjs"),
      url,
      String(seconds * 1000),
      String(warmupMs),
      String(concurrency),
      key.id,
      key.secret,
      String(dagId),
      String(firstId),
      String(instances),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  children.add(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (c) => (out += c));
    child.on("exit", (code) => {
      children.delete(child);
      if (code === 0) resolve(JSON.parse(out));
      else reject(new Error(`load generator exited with ${code}`));
    });
  });
}
