#!/usr/bin/env node
// `npm run demo` (after `npm ci`): starts the DMS emulator in-process with the demo seed and a
// temporary data file, then runs the real, built `dmsflow` CLI against it, step by step. No cloud
// account and no configuration: the emulator's demo AccessKey is passed in the environment only.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@dmsflow/emulator";

// The emulator's admin token for this run only (node behaviour is not part of the DMS API).
const ADMIN_TOKEN = randomUUID();
const BIN = fileURLToPath(new URL("../dist/esm/bin.js", import.meta.url));
const SEED = fileURLToPath(new URL("../../emulator/seeds/demo.json", import.meta.url));

// The task flow with the most suspended instances in the demo seed, and its first one.
const seed = JSON.parse(readFileSync(SEED, "utf8"));
const suspendedOf = (flow) => seed.instances.filter((i) => String(i.DagId) === String(flow.DagId) && i.status === 2);
const flow = [...seed.taskFlows].sort((a, b) => suspendedOf(b).length - suspendedOf(a).length)[0];
const DAG_ID = String(flow.DagId);
const FIRST = String(suspendedOf(flow)[0].Id);

const color = process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== "dumb";
const bold = (text) => (color ? `\x1b[1m${text}\x1b[22m` : text);
const cyan = (text) => (color ? `\x1b[36m${text}\x1b[39m` : text);
// In a pipe (CI logs) the CLI would print tab-separated text; the demo is for people, so ask for tables.
const table = process.stdout.isTTY ? [] : ["--output", "table"];

// The story of a night's run: the seed's nightly flow (two nodes) is found by name, published and run;
// its second node fails; `dmsflow status` shows which node and why; the operator reruns it and
// `dmsflow watch` follows it to success.
const STORY = seed.taskFlows.find((f) => f.graph?.nodes?.length >= 2 && f.graph?.edges?.length >= 1);
const STORY_ID = String(STORY.DagId);
const [FIRST_NODE, FAILING_NODE] = STORY.graph.nodes.map((n) => String(n.NodeId));
const RUN = "<run>"; // replaced by the id `dmsflow run` answers

const storySteps = [
  ["Find the task flows by name", ["flows", "--search", STORY.name.split("_")[0], ...table]],
  [`Publish ${STORY.name} (a new version, deployed)`, ["publish", "--dag-name", STORY.name, ...table]],
  ["Start a run of it", ["run", "--dag-name", STORY.name, "--output", "json"], { capture: "DagInstanceId" }],
  [
    "Watch the run (a node fails: exit code 1)",
    ["watch", "--dag-id", STORY_ID, "--instance-id", RUN, "--interval", "200ms"],
    { exitCode: 1 },
  ],
  ["See which node failed, and why", ["status", "--dag-id", STORY_ID, "--instance-id", RUN, ...table]],
  ["Rerun it", ["rerun", "--dag-id", STORY_ID, "--instance-id", RUN, ...table]],
  ["Watch it until it succeeds", ["watch", "--dag-id", STORY_ID, "--instance-id", RUN, "--interval", "200ms"]],
];

const steps = [
  ...storySteps,
  [
    `List the suspended instances of task flow ${flow.name}`,
    ["instances", "--dag-id", DAG_ID, "--status", "suspended", ...table],
  ],
  ["Resume one of them", ["resume", "--dag-id", DAG_ID, "--instance-id", FIRST, ...table]],
  [
    "Wait until it runs",
    ["wait", "--dag-id", DAG_ID, "--instance-id", FIRST, "--until", "running", "--timeout", "30s", "--interval", "1s", ...table],
  ],
  [
    "Resume all the others in bulk, 4 at a time",
    ["resume", "--dag-id", DAG_ID, "--all-suspended", "--concurrency", "4", "--max-rate", "8", ...table],
  ],
  ["Show the final state of every instance", ["instances", "--dag-id", DAG_ID, ...table]],
];

const work = mkdtempSync(join(tmpdir(), "dmsflow-demo-"));
let emulator;
let exitCode = 0;
try {
  // Simulated time runs 10x faster, so a node's simulated second takes 100 ms of the demo.
  emulator = await startEmulator({ seed: SEED, data: join(work, "demo.sqlite"), speed: 10, adminToken: ADMIN_TOKEN });
  // What the real DMS learns from the SQL itself: the first node succeeds, the second fails once.
  // Eight simulated seconds a node (0.8 s of the demo): long enough for `watch` to see each change.
  await setBehaviour(FIRST_NODE, { durationMs: 8000 });
  await setBehaviour(FAILING_NODE, { durationMs: 8000, failNext: { message: "division by zero in aggregate_daily" } });
  console.log(
    `${bold(`[0/${steps.length}]`)} Started a local DMS emulator at ${emulator.url} with the demo seed (no cloud account needed).`,
  );
  // Only the demo's own settings: the machine's real credentials and aliyun profiles stay out of it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(ALIBABA_?CLOUD|ALICLOUD)_/.test(name)));
  Object.assign(env, {
    HOME: work,
    ALIBABA_CLOUD_ENDPOINT: emulator.url,
    ALIBABA_CLOUD_ACCESS_KEY_ID: "demo-key",
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: "demo-secret",
  });
  let runId = RUN;
  for (const [index, [what, template, expect = {}]] of steps.entries()) {
    const args = template.map((arg) => (arg === RUN ? runId : arg));
    console.log(`\n${bold(`[${index + 1}/${steps.length}]`)} ${what}:  ${cyan(`dmsflow ${args.join(" ")}`)}`);
    const { code, stdout } = await run(args, env, expect.capture !== undefined);
    if (expect.capture) runId = String(JSON.parse(stdout)[expect.capture]);
    if (code !== (expect.exitCode ?? 0)) {
      console.error(`The demo stopped: 'dmsflow ${args[0]}' exited with ${code}.`);
      exitCode = code;
      break;
    }
  }
  if (exitCode === 0) console.log("\nDone. 'npx dmsflow --help' lists every command.");
} catch (error) {
  console.error(`The demo failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await emulator?.close();
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = exitCode;

/** Runs the CLI; with `capture`, its output is also kept (to read the id a step answers). */
function run(args, env, capture) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["inherit", capture ? "pipe" : "inherit", "inherit"], env });
    let stdout = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout }));
  });
}

/** Sets a node's simulated behaviour through the emulator's admin API. */
async function setBehaviour(nodeId, behaviour) {
  const response = await fetch(`${emulator.url}/_emulator/flows/${STORY_ID}/nodes/${nodeId}/behaviour`, {
    method: "PUT",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(behaviour),
  });
  if (!response.ok) throw new Error(`the emulator refused the node behaviour: ${await response.text()}`);
}
