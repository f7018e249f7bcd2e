#!/usr/bin/env node
// Should parseJsonExact use JSON.parse's source text (a reviver's `context.source`, Node >= 21) where
// Node has it? Times, on response bodies shaped like DMS's with int64 ids: the shipped path (quote
// integers of 16+ digits, then JSON.parse), that feature as a reviver with the same results, and an
// identity reviver (the least any reviver costs). Prints ns per parse and ratios to the shipped path;
// candidates interleave over BENCH_REPS rounds and medians are compared. Not a pass/fail test.
import { load } from "./loadParseJsonExact.mjs";

const { parseJsonExact } = await load();
const REPS = Number(process.env.BENCH_REPS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const sourceTextSupported = (() => {
  let seen = false;
  JSON.parse("0", (_key, value, context) => {
    seen = context?.source === "0";
    return value;
  });
  return seen;
})();
const LONG_INTEGER_SOURCE = /^-?\d{16,}$/;
const withSourceText = (text) =>
  JSON.parse(text, (_key, value, context) =>
    typeof value === "number" && context.source.length >= 16 && LONG_INTEGER_SOURCE.test(context.source) ? context.source : value,
  );
const identityReviver = (text) => JSON.parse(text, (_key, value) => value);

function instance(i) {
  return {
    Id: `@${9_007_199_254_740_993n + BigInt(i)}`,
    DagId: `@${1_234_567_890_123_456n + BigInt(i % 7)}`,
    DagName: `nightly_etl_${i % 7}`,
    Status: i % 6,
    BusinessTime: "2026-11-30 00:00:00",
    TriggerType: 1,
    OwnerName: "dataops",
    Message: i % 3 ? "" : 'node "load_orders" waiting on upstream',
    EndTime: "2026-11-30 01:12:44",
    HistoryDagId: `@${1_234_567_890_999_000n + BigInt(i)}`,
  };
}
const body = (count) =>
  JSON.stringify({
    RequestId: "7D3A1B2C-4E5F-6A7B-8C9D-0E1F2A3B4C5D",
    Success: true,
    TotalCount: 1000,
    TaskFlowInstanceList: { TaskFlowInstance: Array.from({ length: count }, (_, i) => instance(i)) },
  }).replace(/"@(-?\d+)"/g, "$1");
const bodies = [
  ["1 instance", body(1)],
  ["page of 20 instances", body(20)],
  ["page of 100 instances", body(100)],
];

function time(parse, text) {
  const iterations = Math.max(200, Math.round(2_000_000 / text.length));
  for (let i = 0; i < iterations / 4; i++) parse(text);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) parse(text);
  return Number(process.hrtime.bigint() - t0) / iterations;
}

const candidates = [
  ["shipped (quoting)", parseJsonExact],
  ["identity reviver", identityReviver],
];
if (sourceTextSupported) candidates.push(["source text", withSourceText]);
console.log(`parseJsonExact on node ${process.version}: ns per parse (median of ${REPS} rounds), x shipped`);
if (!sourceTextSupported) console.log("  (JSON.parse source text is not available on this Node)");
console.log(`  ${"body".padEnd(24)}${"bytes".padEnd(8)}${candidates.map(([n]) => n.padEnd(24)).join("")}`);
for (const [name, text] of bodies) {
  if (sourceTextSupported && JSON.stringify(withSourceText(text)) !== JSON.stringify(parseJsonExact(text))) {
    throw new Error(`the source-text reviver disagrees with parseJsonExact on ${name}`);
  }
  const samples = candidates.map(() => []);
  for (let r = 0; r < REPS; r++) {
    for (const [i, [, parse]] of candidates.entries()) samples[i].push(time(parse, text));
  }
  const medians = samples.map(median);
  const cells = medians.map((m, i) => `${m.toFixed(0)}${i ? ` (${(m / medians[0]).toFixed(2)}x)` : ""}`.padEnd(24));
  console.log(`  ${name.padEnd(24)}${String(text.length).padEnd(8)}${cells.join("")}`);
}
