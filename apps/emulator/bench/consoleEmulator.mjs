// Shared by the console's screenshot and bench: the emulator's current source as one bundled file, run
// as its own process (so its memory is its own), with a seed, and helpers to drive it over HTTP.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { bundleEmulatorBin } from "./bundleEmulatorBin.mjs";
import { signedRequest } from "./signV3.mjs";

const require = createRequire(import.meta.url);
const nodeModules = join(dirname(require.resolve("better-sqlite3/package.json")), "..");

/** Starts the bundled emulator with a seed object; resolves with {url, pid, admin(), console(), signed(), stop()}. */
export async function startBundledEmulator(seed, { adminToken = "console-bench", extraArgs = [], nodeArgs = [] } = {}) {
  const work = mkdtempSync(join(tmpdir(), "dmsflow-console-"));
  const seedPath = join(work, "seed.json");
  writeFileSync(seedPath, JSON.stringify(seed));
  const bin = await bundleEmulatorBin(join(work, "emulator.cjs"));
  // A data file, so the runs the bench makes grow a file, not the process's memory.
  const data = join(work, "state.db");
  const args = [...nodeArgs, bin, "--seed", seedPath, "--data", data, "--admin-token", adminToken, "--quiet", ...extraArgs];
  const child = spawn(process.execPath, args, {
    cwd: work,
    env: { ...process.env, NODE_PATH: nodeModules },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const nl = out.indexOf("\n");
      if (nl !== -1) resolve(JSON.parse(out.slice(0, nl)).url);
    });
    child.on("exit", (code) => reject(new Error(`the emulator exited with ${code} before it was ready`)));
  });
  const call = async (method, path, body, headers = {}) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => undefined);
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  const host = new URL(url).host;
  return {
    url,
    pid: child.pid,
    /** The emulator's working directory (its data file; heap snapshots land here). */
    work,
    adminToken,
    /** An admin call (/_emulator/<path>). */
    admin: (method, path, body) => call(method, `/_emulator/${path}`, body),
    /** A console API call (/_emulator/console/api/<path>). */
    console: (method, path, body) => call(method, `/_emulator/console/api/${path}`, body, { "x-dmsflow-console": "1" }),
    /** A signed V3 RPC call with the seed's first key. */
    signed: async (action, params) => {
      const key = seed.accessKeys[0];
      const req = signedRequest(host, key.id, key.secret, action, params);
      const res = await fetch(`${url}${req.path}`, { method: "POST", headers: req.headers });
      return { status: res.status, json: await res.json().catch(() => undefined) };
    },
    /** The console's cookie, as the login answer sets it, for a browser context. */
    async consoleCookie() {
      const res = await fetch(`${url}/_emulator/console?token=${adminToken}`, { redirect: "manual" });
      const [name, value] = res.headers.get("set-cookie").split(";")[0].split("=");
      return { name, value, url };
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** A flow of `count` nodes in layers of up to `width`, each node after one or two of the layer before. */
export function layeredFlow(dagId, tid, name, count, width) {
  const nodes = [];
  const edges = [];
  for (let i = 0; i < count; i++) {
    const id = dagId * 1000 + i + 1;
    nodes.push({ NodeId: id, NodeName: `step_${String(i + 1).padStart(2, "0")}` });
    const layer = Math.floor(i / width);
    if (layer > 0) {
      const before = (layer - 1) * width;
      edges.push({ NodeFrom: dagId * 1000 + before + (i % width) + 1, NodeEnd: id });
      if (i % 3 === 0) edges.push({ NodeFrom: dagId * 1000 + before + ((i + 1) % width) + 1, NodeEnd: id });
    }
  }
  return { DagId: dagId, Tid: tid, name, owner: "bench", graph: { nodes, edges } };
}
