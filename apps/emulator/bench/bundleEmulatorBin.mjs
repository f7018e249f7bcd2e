// Shared by the process tests and the bench: both run the emulator's current source as one file.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const appRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = join(appRoot, "..", "..");

/**
 * Bundles src/bin.ts, with @dmsflow/client from its sources, into one CommonJS
 * file, so it runs without a prior build of this or any sibling package. better-sqlite3 (native)
 * stays outside; the child finds it through NODE_PATH.
 */
export async function bundleEmulatorBin(outfile) {
  await build({
    entryPoints: [join(appRoot, "src", "bin.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "error",
    external: ["better-sqlite3"],
    alias: {
      // The subpath first: an alias also matches the subpaths of its name.
      "@dmsflow/client/signing": join(repoRoot, "packages", "client", "src", "signing.ts"),
      "@dmsflow/client": join(repoRoot, "packages", "client", "src", "index.ts"),
    },
  });
  return outfile;
}
