// npm run bench (3/3): the wall time of whole `dmsflow` commands against a running emulator (in this
// process), next to bare `node -e 0` measured in the same rounds: the median of 40 spawns each, and
// the ratio to bare node (issue 14's target: resume at most 3x). Also the resume program's cost:
// loading @dmsflow/core, and the whole program (import DmsClient, resume one instance), over bare node,
// with the loaders of packages/core/bench/importTime.mjs. Variants interleave round by round, so load
// from other processes hits them alike. Figures, not assertions.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@dmsflow/emulator";
import { loaders, median } from "../../../packages/core/bench/importTime.mjs";

const BIN = fileURLToPath(new URL("../dist/esm/bin.js", import.meta.url));
const HERE = fileURLToPath(new URL(".", import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const WARMUP = 3;
const TARGET_RATIO = 3;
const KEY = { id: "bench-key-id", secret: "bench-key-secret" };
const DAG_ID = "7001";

if (!existsSync(BIN)) {
  console.error("Build first: npx nx run-many -t build (or npm run build in apps/cli and its dependencies).");
  process.exit(1);
}

// A command another change may add: measured when this build has it (its help answers).
const hasCommand = (name) => spawnSync(process.execPath, [BIN, name, "--help"], { stdio: "ignore" }).status === 0;

const total = ROUNDS + WARMUP;
// Each resume (CLI and program) gets its own suspended instance; ids beyond 2^53, as in production.
const ids = Array.from({ length: 2 * total }, (_, i) => (9007199254740993n + BigInt(i)).toString());
const nextId = (() => {
  let next = 0;
  return () => ids[next++];
})();

// The resume program (tools/release/src/bundleSize.ts's budget program), endpoint and key from the environment.
// Inside the app (its .tmp/ is git-ignored) so that the program's import resolves the workspace's core.
mkdirSync(join(HERE, "../.tmp"), { recursive: true });
const work = mkdtempSync(join(HERE, "../.tmp/command-time-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const PROGRAM = join(work, "resumeOne.mjs");
writeFileSync(
  PROGRAM,
  `import { DmsClient } from "@dmsflow/core";
const client = new DmsClient();
await client.resumeTaskFlowInstance({ DagId: ${JSON.stringify(DAG_ID)}, DagInstanceId: process.argv[2] });
client.destroy();
`,
);

const variants = [
  { name: "node -e 0 (bare node)", args: () => ["-e", "0"] },
  { name: "dmsflow resume (one instance)", args: () => [BIN, "resume", "--dag-id", DAG_ID, "--instance-id", nextId()] },
  { name: "dmsflow instances", args: () => [BIN, "instances", "--dag-id", DAG_ID] },
  { name: "dmsflow status", args: () => [BIN, "status", "--dag-id", DAG_ID, "--instance-id", ids.at(-1)], when: "status" },
  // Prints the load time measured inside the process around the import (the "inside" column).
  { name: "load @dmsflow/core (import)", args: () => loaders("@dmsflow/core").esm, inside: true },
  { name: "resume program (import + 1 call)", args: () => [PROGRAM, nextId()] },
].filter((v) => !v.when || hasCommand(v.when));

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
  HOME: work,
  ALIBABA_CLOUD_ENDPOINT: emulator.url,
  ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.id,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.secret,
};

// Asynchronous spawns: the emulator lives on this process's event loop and must answer meanwhile.
const time = (args) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: HERE, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve({ wall: performance.now() - started, stdout })
        : reject(new Error(`node ${args.join(" ")} exited with ${code}: ${stderr}`)),
    );
  });

const samples = variants.map(() => []);
const inside = variants.map(() => []);
for (let round = 0; round < total; round++) {
  for (const [i, variant] of variants.entries()) {
    const { wall, stdout } = await time(variant.args());
    if (round < WARMUP) continue;
    samples[i].push(wall);
    if (variant.inside) inside[i].push(Number(stdout));
  }
}
await emulator.close();

const base = median(samples[0]);
console.log(
  `dmsflow command wall time, median of ${ROUNDS} interleaved rounds (node ${process.version}, ${process.platform} ${process.arch})`,
);
console.log(
  `${"command".padEnd(36)}${"median".padStart(10)}${"× node".padStart(9)}${"+ over node".padStart(13)}${"inside".padStart(10)}`,
);
for (const [i, variant] of variants.entries()) {
  const m = median(samples[i]);
  const loaded = variant.inside ? `${median(inside[i]).toFixed(1)} ms` : "";
  console.log(
    `${variant.name.padEnd(36)}${`${m.toFixed(1)} ms`.padStart(10)}${(m / base).toFixed(2).padStart(9)}${`${(m - base).toFixed(1)} ms`.padStart(13)}${loaded.padStart(10)}`,
  );
}
const resumeRatio = median(samples[1]) / base;
console.log(
  `resume: ${resumeRatio.toFixed(2)}x bare node, target <= ${TARGET_RATIO}x: ${resumeRatio <= TARGET_RATIO ? "met" : "NOT met"}`,
);
