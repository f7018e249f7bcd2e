#!/usr/bin/env node
// One benchmark cell in a fresh process: a client kind at a concurrency. Warms up, then makes the
// measured calls and prints CPU (user + system, this process only) per call and calls per second.
import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import { createRequire } from "node:module";

const [kind, concurrencyText, portText, warmupText, callsText] = process.argv.slice(2);
const concurrency = Number(concurrencyText);
const port = Number(portText);
const warmup = Number(warmupText);
const calls = Number(callsText);
const require = createRequire(import.meta.url);
const credentials = { accessKeyId: "benchid", accessKeySecret: "benchsecret" };
const input = { DagId: "1234567", DagInstanceId: "7654321", DagVersion: "v2", Tid: "3" };

/** The floor: node:http keep-alive + a V1 HMAC-SHA1 form POST, written with nothing extra. */
function floorClient() {
  const agent = new http.Agent({ keepAlive: true });
  const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return () => {
    const params = {
      ...input,
      AccessKeyId: credentials.accessKeyId,
      Action: "ResumeTaskFlowInstance",
      Format: "JSON",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: randomUUID(),
      SignatureVersion: "1.0",
      Timestamp: `${new Date().toISOString().slice(0, 19)}Z`,
      Version: "2018-11-01",
    };
    const pairs = Object.keys(params)
      .sort()
      .map((k) => `${enc(k)}=${enc(params[k])}`)
      .join("&");
    const signature = createHmac("sha1", `${credentials.accessKeySecret}&`)
      .update(`POST&%2F&${enc(pairs)}`)
      .digest("base64");
    const body = `${pairs}&Signature=${enc(signature)}`;
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c) => {
            text += c;
          });
          res.on("end", () => resolve(JSON.parse(text)));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  };
}

async function makeClient() {
  switch (kind) {
    case "floor":
      return floorClient();
    case "core-v3":
    case "core-v1": {
      const { DmsClient, signerV1, signerV3 } = await import("@dmsflow/core");
      const client = new DmsClient({
        endpoint: `http://127.0.0.1:${port}`,
        credentials,
        signer: kind === "core-v3" ? signerV3 : signerV1,
      });
      return () => client.resumeTaskFlowInstance(input);
    }
    case "official": {
      const { DmsEnterpriseClient, ResumeTaskFlowInstanceRequest, Config } = require("./officialDmsClient.cjs");
      const client = new DmsEnterpriseClient(new Config({ ...credentials, endpoint: `127.0.0.1:${port}`, protocol: "HTTP" }));
      // The SDK's request fields are numbers (it has no int64 type); these fit in a double.
      const request = { dagId: 1234567, dagInstanceId: 7654321, dagVersion: "v2", tid: 3 };
      return async () => (await client.resumeTaskFlowInstance(new ResumeTaskFlowInstanceRequest(request))).body;
    }
    case "pop-core": {
      const RPCClient = require("@alicloud/pop-core");
      const client = new RPCClient({ endpoint: `http://127.0.0.1:${port}`, apiVersion: "2018-11-01", ...credentials });
      return () => client.request("ResumeTaskFlowInstance", input, { method: "POST" });
    }
    default:
      throw new Error(`unknown client kind ${kind}`);
  }
}

function succeeded(out) {
  return out?.Success === true || out?.success === true;
}

async function run(call, total) {
  let started = 0;
  let failures = 0;
  const lane = async () => {
    while (started < total) {
      started++;
      if (!succeeded(await call())) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return failures;
}

const call = await makeClient();
await run(call, warmup);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const failures = await run(call, calls);
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    kind,
    concurrency,
    calls,
    failures,
    cpuUsPerCall: (cpu.user + cpu.system) / calls,
    userUsPerCall: cpu.user / calls,
    callsPerSecond: calls / (wallMs / 1000),
    rssMiB: process.memoryUsage().rss / 2 ** 20,
  })}\n`,
);
process.exit(0);
