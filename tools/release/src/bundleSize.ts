import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { ROOT } from "./publishedPackages.js";

/** The program the budget is about: import DmsClient and resume one instance. */
export const BUDGET_PROGRAM = `import { DmsClient } from "@dmsflow/core";
const client = new DmsClient({ regionId: "cn-hangzhou" });
await client.resumeTaskFlowInstance({ DagId: 11n, DagInstanceId: "9007199254740993" });
`;

/** Bundles a program for node with esbuild, minified, against the built packages; returns its sizes. */
export async function bundleSize(program: string): Promise<{ bytes: number; gzipBytes: number; inputs: string[]; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), "dmsflow-bundle-"));
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
      metafile: true,
      nodePaths: [join(ROOT, "node_modules")],
      // The packages' own tsconfig paths point at sources; measure the published builds instead.
      tsconfigRaw: {},
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.contents;
    return {
      bytes: code.length,
      gzipBytes: gzipSync(code, { level: 9 }).length,
      inputs: Object.keys(result.metafile.inputs),
      text: result.outputFiles[0]!.text,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The budget program with every opt-in feature of core switched on: proxy, V1 signer, debug output. */
export const OPT_IN_PROGRAM = `import { DmsClient, debugHooks, proxyFromEnvironment, signerV1 } from "@dmsflow/core";
const client = new DmsClient({ regionId: "cn-hangzhou", proxy: proxyFromEnvironment(), signer: signerV1, hooks: debugHooks() });
await client.resumeTaskFlowInstance({ DagId: 11n, DagInstanceId: "9007199254740993" });
`;
