#!/usr/bin/env node
// Times the generator: `npm run generate --check` on the real spec, and full generation of synthetic
// specs with 50 and 500 RPC operations (each with five parameters, a model and an inline list), to
// show that cost grows linearly. Wall time of the whole command, median of several runs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const bin = join(root, "tools/codegen/bin/generate.mjs");

function syntheticSpec(count) {
  const paths = {};
  const schemas = {
    Envelope: {
      type: "object",
      required: ["RequestId"],
      properties: { RequestId: { type: "string" }, Success: { type: "boolean" } },
    },
  };
  for (let i = 0; i < count; i++) {
    const action = `DoThing${String(i).padStart(4, "0")}`;
    schemas[`Thing${i}`] = {
      type: "object",
      description: `Thing ${i}.`,
      properties: {
        Id: { type: "integer", format: "int64" },
        Name: { type: "string" },
        Status: { type: "integer", format: "int32" },
        Enabled: { type: "boolean" },
      },
    };
    paths[`/?Action=${action}`] = {
      post: {
        operationId: action,
        summary: `Does thing ${i}.`,
        "x-acs-action": action,
        "x-acs-methods": ["GET", "POST"],
        parameters: [
          {
            name: "ThingId",
            in: "query",
            required: true,
            description: "The thing.",
            schema: { type: "integer", format: "int64" },
          },
          { name: "PageIndex", in: "query", required: true, schema: { type: "integer", format: "int32" } },
          { name: "PageSize", in: "query", schema: { type: "integer", format: "int32" } },
          { name: "Name", in: "query", schema: { type: "string" } },
          { name: "Force", in: "query", schema: { type: "boolean" } },
        ],
        responses: {
          200: {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  allOf: [
                    { $ref: "#/components/schemas/Envelope" },
                    {
                      type: "object",
                      properties: {
                        TotalCount: { type: "integer", format: "int32" },
                        ThingList: {
                          type: "object",
                          properties: { Thing: { type: "array", items: { $ref: `#/components/schemas/Thing${i}` } } },
                        },
                      },
                    },
                  ],
                },
              },
            },
          },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Synthetic", version: "2020-01-01" },
    "x-acs-product": "synthetic",
    "x-acs-version": "2020-01-01",
    "x-acs-style": "RPC",
    paths,
    components: { schemas },
  };
}

function time(args, runs) {
  const samples = [];
  let line = "";
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    line = execFileSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" }).trim();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], line };
}

const dir = mkdtempSync(join(tmpdir(), "codegen-bench-"));
try {
  const real = time(["--check"], 5);
  const operations = (
    readFileSync(join(root, "specs/dms-enterprise/2018-11-01/openapi.yaml"), "utf8").match(/^\s+operationId:/gm) ?? []
  ).length;
  console.log(`real spec (${operations} operations), node bin/generate.mjs --check: median ${real.median.toFixed(0)} ms wall`);
  console.log(`  ${real.line}`);
  const rows = [];
  for (const count of [50, 500]) {
    const spec = join(dir, `spec-${count}.yaml`);
    writeFileSync(spec, stringify(syntheticSpec(count)));
    const out = join(dir, `out-${count}`);
    const runs = count > 100 ? 3 : 5;
    // Fresh output folder each run, so every file is emitted and written.
    const samples = [];
    let line = "";
    for (let i = 0; i < runs; i++) {
      rmSync(out, { recursive: true, force: true });
      const r = time(["--spec", spec, "--out", out], 1);
      samples.push(r.median);
      line = r.line;
    }
    samples.sort((a, b) => a - b);
    rows.push({ count, median: samples[Math.floor(runs / 2)], line });
  }
  for (const r of rows) console.log(`${r.count} operations: median ${r.median.toFixed(0)} ms wall\n  ${r.line}`);
  const [a, b] = rows;
  const perOpSmall = a.median / a.count;
  const marginal = (b.median - a.median) / (b.count - a.count);
  console.log(
    `marginal cost ${marginal.toFixed(2)} ms/operation between 50 and 500; 500/50 wall ratio ${(b.median / a.median).toFixed(2)} (fixed start-up ~${(a.median - marginal * a.count).toFixed(0)} ms)`,
  );
  console.log(`per-operation cost at 50: ${perOpSmall.toFixed(2)} ms (includes start-up)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
