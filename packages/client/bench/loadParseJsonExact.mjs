// The client's parseJsonExact module as it is in source (no build needed), transpiled into a temporary file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

const SOURCE = fileURLToPath(new URL("../src/generated/runtime/parseJsonExact.ts", import.meta.url));

/** Imports the module's exports. */
export async function load() {
  const dir = mkdtempSync(join(tmpdir(), "dmsflow-parse-bench-"));
  try {
    const file = join(dir, "parseJsonExact.mjs");
    const { outputFiles } = buildSync({ entryPoints: [SOURCE], format: "esm", platform: "node", write: false });
    writeFileSync(file, outputFiles[0].text);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
