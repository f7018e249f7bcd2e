// npm run bench:cpu: start-up CPU time (user + system, from /usr/bin/time) of `dmsflow`, the median of
// BENCH_ROUNDS spawns (default 20) per command line. CPU time, unlike wall time, hardly moves when
// other processes load the machine, so before/after figures of one module (string-width, the
// JMESPath library) can be compared across runs. `instances` lists 3 instances from an emulator
// running in this process. Figures, not assertions.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@dmsflow/emulator";

const BIN = process.env.BENCH_BIN ?? fileURLToPath(new URL("../dist/esm/bin.js", import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const TIME = "/usr/bin/time";
const KEY = { id: "bench-key-id", secret: "bench-key-secret" };
const DAG_ID = "7001";

if (!existsSync(BIN) || !existsSync(TIME)) {
  console.error(`Needs the built bin (${BIN}) and ${TIME} (apt-get install time).`);
  process.exit(1);
}
const emulator = await startEmulator({
  seed: {
    tenants: [{ Tid: 1, name: "bench" }],
    accessKeys: [{ id: KEY.id, secret: KEY.secret, tenants: [1] }],
    taskFlows: [{ DagId: DAG_ID, Tid: 1, name: "bench" }],
    instances: ["9007199254740993", "9007199254740994", "9007199254740995"].map((Id) => ({ Id, DagId: DAG_ID, status: 2 })),
  },
});
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ALIBABA_CLOUD_ENDPOINT: emulator.url,
  ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.id,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.secret,
};
const extra = process.env.BENCH_EXTRA === "1";
const variants = [
  ["node -e 0 (bare node)", ["-e", "0"]],
  ["dmsflow --help", [BIN, "--help"]],
  ["dmsflow instances (table)", [BIN, "instances", "--dag-id", DAG_ID, "--output", "table"]],
  ["dmsflow instances (json)", [BIN, "instances", "--dag-id", DAG_ID, "--output", "json"]],
  ...(extra
    ? [["dmsflow instances --query", [BIN, "instances", "--dag-id", DAG_ID, "--output", "json", "--query", "[].Id"]]]
    : []),
];

// CPU seconds (user + system) of one spawn; the emulator answers on this process's event loop meanwhile.
const cpuOf = (args) =>
  new Promise((resolve, reject) => {
    const child = spawn(TIME, ["-f", "CPU %U %S", process.execPath, ...args], { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const m = /CPU (\d+\.\d+) (\d+\.\d+)\s*$/.exec(stderr);
      if (code !== 0 || !m) reject(new Error(`${args.join(" ")} exited with ${code}: ${stderr}`));
      else resolve((Number(m[1]) + Number(m[2])) * 1000);
    });
  });

const samples = variants.map(() => []);
for (let round = 0; round < ROUNDS + 2; round++) {
  for (const [i, [, args]] of variants.entries()) {
    const ms = await cpuOf(args);
    if (round >= 2) samples[i].push(ms);
  }
}
await emulator.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`dmsflow start-up CPU time (user + sys), median of ${ROUNDS} (node ${process.version})`);
for (const [i, [name]] of variants.entries())
  console.log(`${name.padEnd(30)}${`${median(samples[i]).toFixed(0)} ms`.padStart(8)}`);
