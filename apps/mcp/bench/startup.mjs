#!/usr/bin/env node
// `npm run bench -w @dmsflow/mcp`: start-up time to the first tools/list answer (median of RUNS
// starts of the built bin over stdio, beside a bare `node -e 0` in the same run), and the byte size
// of the tools/list answer: all tools, and the 52 generated from the spec's operations alone.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const RUNS = Number(process.env.RUNS ?? 9);
const bin = fileURLToPath(new URL("../dist/esm/bin.js", import.meta.url));
const messages = [
  {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } },
  },
  { jsonrpc: "2.0", method: "notifications/initialized" },
  { jsonrpc: "2.0", id: 2, method: "tools/list" },
];

function firstToolsList() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, "--endpoint", "http://127.0.0.1:9"], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      for (const line of out.split("\n").slice(0, -1)) {
        const message = JSON.parse(line);
        if (message.id === 2) {
          const ms = performance.now() - t0;
          child.kill();
          resolve({ ms, line });
        }
      }
    });
    child.on("error", reject);
    child.stdin.write(messages.map((m) => JSON.stringify(m)).join("\n") + "\n");
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bare = [];
const server = [];
let answer = "";
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  spawnSync(process.execPath, ["-e", "0"]);
  bare.push(performance.now() - t0);
  const { ms, line } = await firstToolsList();
  server.push(ms);
  answer = line;
}
const tools = JSON.parse(answer).result.tools;
const generated = tools.filter((t) => /^[A-Z]/.test(t.name));
const bytes = (value) => Buffer.byteLength(JSON.stringify(value));
console.log(
  `dmsflow-mcp start to first tools/list answer: median ${median(server).toFixed(0)} ms over ${RUNS} runs (bare node start: ${median(bare).toFixed(0)} ms)`,
);
console.log(
  `tools/list answer: ${tools.length} tools, ${Buffer.byteLength(answer)} bytes; the ${generated.length} generated operation tools: ${bytes(generated)} bytes (${(bytes(generated) / generated.length).toFixed(0)} per tool)`,
);
