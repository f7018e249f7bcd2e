// npm run bench (2/3): `dmsflow resume --all-suspended` over 1,000 and 10,000 suspended instances
// (concurrency 16, no rate limit) against a running emulator: wall time, resumes per second and the
// CLI's peak RSS, next to bare node's peak RSS measured in the same run. Flat memory means the
// 10,000 run peaks close to the 1,000 run: pages are read one at a time, only instance IDs are kept.
// A second run with V8's young generation capped separates what the CLI keeps from what the GC
// has not yet given back. Figures, not assertions.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@dmsflow/emulator";

const BIN = fileURLToPath(new URL("../dist/esm/bin.js", import.meta.url));
const REPORT_RSS = fileURLToPath(new URL("./reportPeakRss.mjs", import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);
const KEY = { id: "bench-key-id", secret: "bench-key-secret" };
const DAG_ID = "7001";

if (!existsSync(BIN)) {
  console.error("Build first: npx nx run-many -t build (or npm run build in apps/cli and its dependencies).");
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), "dmsflow-cli-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

/** Runs node with the RSS reporter preloaded; resolves with wall time and peak RSS in MiB. */
function measure(args, env) {
  const rssFile = join(work, `rss-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", REPORT_RSS, ...args], {
      env: { ...env, DMSFLOW_BENCH_RSS_FILE: rssFile },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${args.join(" ")} exited with ${code}: ${stderr}`));
      resolve({ ms, rssMiB: Number(readFileSync(rssFile, "utf8")) / 1024 });
    });
  });
}

/** Runs `fn` against a fresh emulator holding `size` suspended instances. */
async function withEmulator(size, fn) {
  const ids = Array.from({ length: size }, (_, i) => (9007199254740993n + BigInt(i)).toString());
  const emulator = await startEmulator({
    seed: {
      tenants: [{ Tid: 1, name: "bench" }],
      accessKeys: [{ id: KEY.id, secret: KEY.secret, tenants: [1] }],
      taskFlows: [{ DagId: DAG_ID, Tid: 1, name: "bench" }],
      instances: ids.map((Id) => ({ Id, DagId: DAG_ID, status: 2 })),
    },
  });
  try {
    return await fn({
      PATH: process.env.PATH,
      HOME: work,
      ALIBABA_CLOUD_ENDPOINT: emulator.url,
      ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.id,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.secret,
    });
  } finally {
    await emulator.close();
  }
}

const RESUME_ALL = [
  BIN,
  "resume",
  "--dag-id",
  DAG_ID,
  "--all-suspended",
  "--concurrency",
  "16",
  "--max-rate",
  "100000",
  "-o",
  "json",
];
const rows = [];
const bare = await measure(["-e", "0"], { PATH: process.env.PATH });
rows.push(["node -e 0 (bare node)", "", bare]);
for (const size of SIZES) {
  await withEmulator(size, async (env) => {
    rows.push(["resume --all-suspended", size, await measure(RESUME_ALL, env)]);
    rows.push(["instances -o json", size, await measure([BIN, "instances", "--dag-id", DAG_ID, "-o", "json"], env)]);
  });
  // V8 sizes its young generation by the allocation rate, and that dominates the default peak. With
  // it capped, the peak shows what the command keeps: the instance IDs, a few bytes each.
  await withEmulator(size, async (env) => {
    rows.push(["  same, V8 semi-space 2 MB", size, await measure(["--max-semi-space-size=2", ...RESUME_ALL], env)]);
  });
}

console.log(`dmsflow bulk commands against the emulator (node ${process.version}; emulator in the bench process)`);
console.log(
  `${"command".padEnd(28)}${"instances".padStart(10)}${"wall".padStart(11)}${"items/s".padStart(10)}${"peak RSS".padStart(12)}${"× node RSS".padStart(12)}`,
);
for (const [name, size, { ms, rssMiB }] of rows) {
  const rate = size ? Math.round(size / (ms / 1000)).toString() : "";
  console.log(
    `${name.padEnd(28)}${String(size).padStart(10)}${`${(ms / 1000).toFixed(2)} s`.padStart(11)}${rate.padStart(10)}${`${rssMiB.toFixed(1)} MiB`.padStart(12)}${(rssMiB / bare.rssMiB).toFixed(2).padStart(12)}`,
  );
}
