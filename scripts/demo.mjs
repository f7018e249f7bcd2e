#!/usr/bin/env node
// `npm run demo`: builds what the demo runs (nx, cached after the first time) without printing the
// build's output, which is noise to someone who asked for the demo, then runs the demo. A failed build
// prints its whole output and stops.
import { spawnSync } from "node:child_process";

const build = spawnSync("node_modules/.bin/nx", ["run-many", "-t", "build", "--outputStyle=static"], {
  env: { ...process.env, NX_DAEMON: "false", NX_NO_CLOUD: "true" },
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});
if (build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ""}${build.stderr ?? ""}`);
  console.error(`npm run demo: the build failed (${build.error?.message ?? `exit code ${build.status}`}); see above.`);
  process.exit(build.status || 1);
}
const demo = spawnSync(process.execPath, ["apps/cli/demo/demo.mjs"], { stdio: "inherit" });
process.exit(demo.status ?? 1);
