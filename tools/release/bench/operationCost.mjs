#!/usr/bin/env node
// What an operation costs a program's bundle (issue 10): the resume program, the same plus one more
// operation imported, and every operation (DmsEnterprise), each bundled and minified with esbuild
// against the built packages and gzipped at level 9, as tools/release/src/bundleSize.ts measures the
// budget. Run after a build: `npm run bench -w @dmsflow/release`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const { operationTable } = createRequire(import.meta.url)(join(ROOT, "packages/client/dist/cjs/index.js"));
const operations = Object.keys(operationTable).length;

async function gzipped(program) {
  const dir = mkdtempSync(join(tmpdir(), "dmsflow-opcost-"));
  try {
    const entry = join(dir, "entry.mjs");
    writeFileSync(entry, program);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      platform: "node",
      format: "esm",
      target: "node20",
      write: false,
      nodePaths: [join(ROOT, "node_modules")],
      tsconfigRaw: {},
      logLevel: "silent",
    });
    return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const resume = `import { DmsClient } from "@dmsflow/core";
const client = new DmsClient({ regionId: "cn-hangzhou" });
await client.resumeTaskFlowInstance({ DagId: 11n, DagInstanceId: "9007199254740993" });
`;
const plusOne = `${resume}import { getTaskInstanceRelation } from "@dmsflow/core";
await getTaskInstanceRelation(client, { DagId: 11n, DagInstanceId: "9007199254740993" });
`;
const all = `import { DmsEnterprise } from "@dmsflow/core";
const client = new DmsEnterprise({ regionId: "cn-hangzhou" });
await client.resumeTaskFlowInstance({ DagId: 11n, DagInstanceId: "9007199254740993" });
`;
const [r, p, a] = [await gzipped(resume), await gzipped(plusOne), await gzipped(all)];
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
console.log(`resume program (DmsClient):              ${kb(r)} gzipped (budget 15 KB: ${r <= 15 * 1024 ? "within" : "OVER"})`);
console.log(`  + getTaskInstanceRelation imported:    ${kb(p)} (+${p - r} bytes for one more operation)`);
console.log(
  `every operation (DmsEnterprise, ${operations}):    ${kb(a)} (+${a - r} bytes, ${((a - r) / (operations - 1)).toFixed(0)} bytes per operation)`,
);
