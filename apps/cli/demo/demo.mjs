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

// The story of a night's run, all through the public API: a task flow is defined from the command line
// (two nodes, the second after the first), published and run; its second node fails; `dmsflow status`
// shows which node and why; the operator reruns it and `dmsflow watch` follows it to success.
const STORY = "daily_orders_report";
// Placeholders for ids the steps answer (captured from a step's JSON output), replaced in later steps.
const DAG = "<dag>";
const RUN = "<run>";

const storySteps = [
  [
    `Create a task flow, ${STORY} (--query prints just its ID)`,
    ["create-flow", "--name", STORY, "--description", "orders of the day, aggregated", "--query", "DagId"],
    { capture: DAG },
  ],
  [
    "Add its first node",
    [
      "add-node",
      "--dag-id",
      DAG,
      "--name",
      "load_orders",
      "--type",
      "NORMAL_SQL",
      "--content",
      '{"sql":"insert into daily select * from orders"}',
      ...table,
    ],
  ],
  [
    "Add a second node that runs after it",
    ["add-node", "--dag-name", STORY, "--name", "aggregate_daily", "--type", "NORMAL_SQL", "--after", "load_orders", ...table],
    // What the real DMS learns from the SQL itself: the first node succeeds, the second fails once.
    { after: scriptNodes },
  ],
  [`Publish ${STORY} (a new version, deployed)`, ["publish", "--dag-name", STORY, ...table]],
  ["Start a run of it", ["run", "--dag-name", STORY, "--query", "DagInstanceId"], { capture: RUN }],
  [
    "Watch the run (a node fails: exit code 1)",
    ["watch", "--dag-id", DAG, "--instance-id", RUN, "--interval", "200ms"],
    { exitCode: 1 },
  ],
  ["See which node failed, and why", ["status", "--dag-id", DAG, "--instance-id", RUN, ...table]],
  ["Rerun it", ["rerun", "--dag-id", DAG, "--instance-id", RUN, ...table]],
  ["Watch it until it succeeds", ["watch", "--dag-id", DAG, "--instance-id", RUN, "--interval", "200ms"]],
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
  const ids = new Map();
  for (const [index, [what, template, expect = {}]] of steps.entries()) {
    const args = template.map((arg) => ids.get(arg) ?? arg);
    console.log(`\n${bold(`[${index + 1}/${steps.length}]`)} ${what}:  ${cyan(`dmsflow ${shown(args)}`)}`);
    const { code, stdout } = await run(args, env, expect.capture === undefined ? "inherit" : "capture");
    if (code !== (expect.exitCode ?? 0)) {
      console.error(`The demo stopped: 'dmsflow ${args[0]}' exited with ${code}.`);
      exitCode = code;
      break;
    }
    // A captured step prints one id (--query): as text in a pipe, as a JSON string on a terminal.
    // Read as text, never as a JSON number, so an id beyond 2^53 keeps its digits.
    if (expect.capture) ids.set(expect.capture, stdout.trim().replace(/^"(.*)"$/, "$1"));
    await expect.after?.(ids.get(DAG), env);
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

/** Runs the CLI: its output shown (`inherit`), shown and kept (`capture`, to read an id), or only kept (`quiet`). */
function run(args, env, output) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ["inherit", output === "inherit" ? "inherit" : "pipe", "inherit"],
      env,
    });
    let stdout = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
      if (output === "capture") process.stdout.write(chunk);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout }));
  });
}

/** An argument as a shell would need it: quoted when it holds spaces or quotes. */
function shown(args) {
  return args.map((arg) => (/[\s"'{}]/.test(arg) ? `'${arg}'` : arg)).join(" ");
}

/**
 * The story's nodes, scripted through the emulator's admin API (node behaviour is not part of the DMS
 * API): eight simulated seconds each (0.8 s of the demo, long enough for `watch` to see each change),
 * and the second fails its next run.
 */
async function scriptNodes(dagId, env) {
  const { stdout } = await run(["flow-show", "--dag-id", dagId, "--output", "json"], env, "quiet");
  const nodeId = (name) => JSON.parse(stdout).nodes.find((n) => n.name === name).nodeId;
  await setBehaviour(dagId, nodeId("load_orders"), { durationMs: 8000 });
  await setBehaviour(dagId, nodeId("aggregate_daily"), {
    durationMs: 8000,
    failNext: { message: "division by zero in aggregate_daily" },
  });
}

/** Sets a node's simulated behaviour through the emulator's admin API. */
async function setBehaviour(dagId, nodeId, behaviour) {
  const response = await fetch(`${emulator.url}/_emulator/flows/${dagId}/nodes/${nodeId}/behaviour`, {
    method: "PUT",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(behaviour),
  });
  if (!response.ok) throw new Error(`the emulator refused the node behaviour: ${await response.text()}`);
}
