// npm run bench (1/3): start-up cost of `dmsflow`, as the median wall time of repeated spawns,
// against bare `node -e 0` measured in the same run. Variants are interleaved round by round, so
// load from other processes hits them alike. `resume` runs against a running emulator (in this
// process), each time on a different suspended instance. A peer: the same bin bundled by esbuild
// with code splitting (core still loaded on demand), to show what bundling the bin would buy.
// Figures, not assertions.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@dmsflow/emulator";
import { build } from "esbuild";

const BIN = fileURLToPath(new URL("../dist/esm/bin.js", import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const WARMUP = 3;
const KEY = { id: "bench-key-id", secret: "bench-key-secret" };
const DAG_ID = "7001";

if (!existsSync(BIN)) {
  console.error("Build first: npx nx run-many -t build (or npm run build in apps/cli and its dependencies).");
  process.exit(1);
}

const bundleDir = mkdtempSync(join(tmpdir(), "dmsflow-cli-bundle-"));
process.on("exit", () => rmSync(bundleDir, { recursive: true, force: true }));
await build({
  entryPoints: [BIN],
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir: bundleDir,
  logLevel: "error",
});
const BUNDLED = join(bundleDir, "bin.js");

const total = ROUNDS + WARMUP;
const ids = Array.from({ length: 2 * total }, (_, i) => (9007199254740993n + BigInt(i)).toString());
const emulator = await startEmulator({
  seed: {
    tenants: [{ Tid: 1, name: "bench" }],
    accessKeys: [{ id: KEY.id, secret: KEY.secret, tenants: [1] }],
    taskFlows: [{ DagId: DAG_ID, Tid: 1, name: "bench" }],
    instances: ids.map((Id) => ({ Id, DagId: DAG_ID, status: 2 })),
  },
});
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ALIBABA_CLOUD_ENDPOINT: emulator.url,
  ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.id,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.secret,
};

const variants = [
  { name: "node -e 0 (bare node)", args: () => ["-e", "0"] },
  { name: "dmsflow --version", args: () => [BIN, "--version"] },
  { name: "dmsflow --help", args: () => [BIN, "--help"] },
  { name: "dmsflow resume --help", args: () => [BIN, "resume", "--help"] },
  {
    name: "dmsflow resume ... (one call)",
    args: (round) => [BIN, "resume", "--dag-id", DAG_ID, "--instance-id", ids[round], "--output", "json"],
  },
  { name: "peer: bundled --help", args: () => [BUNDLED, "--help"] },
  {
    name: "peer: bundled resume ...",
    args: (round) => [BUNDLED, "resume", "--dag-id", DAG_ID, "--instance-id", ids[total + round], "--output", "json"],
  },
];
const samples = variants.map(() => []);
// Asynchronous spawns: the emulator lives on this process's event loop and must answer meanwhile.
const timeAsync = (args) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const ms = performance.now() - started;
      code === 0 ? resolve(ms) : reject(new Error(`dmsflow ${args.slice(1).join(" ")} exited with ${code}: ${stderr}`));
    });
  });

for (let round = 0; round < total; round++) {
  for (const [i, variant] of variants.entries()) {
    const ms = await timeAsync(variant.args(round));
    if (round >= WARMUP) samples[i].push(ms);
  }
}
await emulator.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const base = median(samples[0]);
console.log(`dmsflow start-up, ${ROUNDS} interleaved rounds (node ${process.version}, ${process.platform} ${process.arch})`);
console.log(
  `${"command".padEnd(32)}${"median".padStart(10)}${"p90".padStart(10)}${"× node".padStart(9)}${"+ over node".padStart(13)}`,
);
for (const [i, variant] of variants.entries()) {
  const m = median(samples[i]);
  console.log(
    `${variant.name.padEnd(32)}${`${m.toFixed(1)} ms`.padStart(10)}${`${p90(samples[i]).toFixed(1)} ms`.padStart(10)}${(m / base).toFixed(2).padStart(9)}${`${(m - base).toFixed(1)} ms`.padStart(13)}`,
  );
}
