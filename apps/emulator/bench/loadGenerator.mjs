// The load generator, run in its own process so that its CPU is not the server's: `concurrency`
// lanes over keep-alive sockets, each resuming and then suspending its own instances in turn.
// Prints one JSON line: requests, successes, failures, latency percentiles, its own CPU.
import { Agent, request } from "node:http";
import { signedRequest } from "./signV3.mjs";

const [url, durationMs, warmupMs, concurrency, keyId, secret, dagId, firstId, count] = process.argv.slice(2);
const target = new URL(url);
const host = target.host;
const agent = new Agent({ keepAlive: true, maxSockets: Number(concurrency) });
const lanes = Number(concurrency);
const perLane = Math.floor(Number(count) / lanes);

let measuring = false;
let stopping = false;
const latencies = [];
let ok = 0;
let failures = 0;
const failureSamples = [];

function send(action, id) {
  const { path, headers } = signedRequest(host, keyId, secret, action, { DagId: dagId, DagInstanceId: String(id) });
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = request({ host: target.hostname, port: target.port, method: "POST", path, headers, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => {
        if (measuring) {
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          if (res.statusCode === 200 && body.includes('"Success":true')) ok++;
          else {
            failures++;
            if (failureSamples.length < 3) failureSamples.push(body.slice(0, 300));
          }
        }
        resolve();
      });
    });
    req.on("error", (error) => {
      if (measuring) {
        failures++;
        if (failureSamples.length < 3) failureSamples.push(error.message);
      }
      resolve();
    });
    req.end();
  });
}

async function lane(index) {
  const base = BigInt(firstId) + BigInt(index * perLane);
  let i = 0;
  while (!stopping) {
    const id = base + BigInt(i % perLane);
    await send("ResumeTaskFlowInstance", id);
    await send("SuspendTaskFlowInstance", id);
    i++;
  }
}

const running = Array.from({ length: lanes }, (_, i) => lane(i));
await new Promise((r) => setTimeout(r, Number(warmupMs)));
const cpuBefore = process.cpuUsage();
const t0 = performance.now();
measuring = true;
await new Promise((r) => setTimeout(r, Number(durationMs)));
measuring = false;
const elapsed = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpuBefore);
stopping = true;
await Promise.all(running);
agent.destroy();
latencies.sort((a, b) => a - b);
const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
process.stdout.write(
  `${JSON.stringify({
    requests: latencies.length,
    ok,
    failures,
    failureSamples,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50Ms: pick(0.5),
    p99Ms: pick(0.99),
    clientCpuMicrosPerRequest: (cpu.user + cpu.system) / Math.max(1, latencies.length),
  })}\n`,
);
