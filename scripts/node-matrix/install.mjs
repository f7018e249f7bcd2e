#!/usr/bin/env node
// The root `prepare` script (so `npm ci` runs it): installs the matrix's Node binaries from the npm
// registry into scripts/node-matrix/node_modules with their own lockfile. Skips the install when the
// pinned versions are already there, so `npm install` stays quick.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MATRIX_DIR, pinnedRuntimes } from "./runtimes.mjs";

const installedVersion = (dir) =>
  existsSync(join(dir, "package.json")) ? JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version : undefined;

const pinned = pinnedRuntimes();
if (pinned.length > 0 && pinned.every((r) => installedVersion(r.dir) === r.version)) {
  console.log(`node-matrix: ${pinned.map((r) => `Node ${r.version}`).join(", ")} already installed`);
} else {
  const t0 = performance.now();
  // No bin links: the packages' `node` bin is not wanted anywhere on PATH.
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--no-bin-links", "--ignore-scripts"], {
    cwd: MATRIX_DIR,
    stdio: "inherit",
  });
  const got = pinned.filter((r) => installedVersion(r.dir) === r.version).map((r) => `Node ${r.version}`);
  console.log(
    `node-matrix: installed ${got.join(", ") || "nothing for this platform"} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
