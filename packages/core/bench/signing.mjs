#!/usr/bin/env node
// CPU per signature of core's signers, without the network: each case in a fresh process (warm-up,
// then SIGN_CALLS signatures), cases interleaved over SIGN_REPS rounds; prints the medians.
// `node bench/signing.mjs` after a build (also BENCH_PARTS=sign in run.mjs).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const CASES = ["v3", "v3-sts", "v3-extra-header", "v1"];
const REPS = Number(process.env.SIGN_REPS ?? 7);
const CALLS = Number(process.env.SIGN_CALLS ?? 100_000);

async function one(kind) {
  const { signRequestV1, signRequestV3 } = await import("@dmsflow/core");
  const credentials = { accessKeyId: "benchid", accessKeySecret: "benchsecret" };
  const sts = { ...credentials, securityToken: "CAIS-bench-token" };
  const headers = {
    host: "dms-enterprise.cn-hangzhou.aliyuncs.com",
    "x-acs-action": "ResumeTaskFlowInstance",
    "x-acs-version": "2018-11-01",
    accept: "application/json",
    "user-agent": "dmsflow bench",
  };
  const template = { method: "POST", path: "/", headers, body: "" };
  const extra = { ...template, headers: { ...headers, "x-acs-traceid": "abc" } };
  const params = { DagId: "1234567", DagInstanceId: "7654321", DagVersion: "v2", Tid: "3" };
  const sign = {
    v3: () => signRequestV3(template, params, credentials),
    "v3-sts": () => signRequestV3(template, params, sts),
    "v3-extra-header": () => signRequestV3(extra, params, credentials),
    v1: () => signRequestV1(template, params, credentials, "ResumeTaskFlowInstance", "2018-11-01"),
  }[kind];
  for (let i = 0; i < 20_000; i++) sign();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) sign();
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / CALLS;
}

/** Runs every case REPS times in fresh processes; returns the median us per signature by case. */
export function measureSigning() {
  const runs = new Map(CASES.map((c) => [c, []]));
  for (let rep = 0; rep < REPS; rep++) {
    for (const kind of CASES) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), kind], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`signing ${kind} failed: ${r.stderr}`);
      runs.get(kind).push(Number(r.stdout));
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  return CASES.map((kind) => ({ kind, usPerSignature: median(runs.get(kind)) }));
}

if (process.argv[2]) {
  process.stdout.write(String(await one(process.argv[2])));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`CPU per signature (median of ${REPS} fresh processes x ${CALLS} signatures; node ${process.version})`);
  for (const row of measureSigning()) console.log(`  ${row.kind.padEnd(18)}${row.usPerSignature.toFixed(2)} us`);
}
