#!/usr/bin/env node
// `npm test`: lint, then every project's cached nx targets (generated-code check, typecheck, build,
// tests, package checks). Everything a test needs it starts itself, on 127.0.0.1.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NX_DAEMON: "false", NX_NO_CLOUD: "true" };
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const bin = (name) => `node_modules/.bin/${name}`;
run(bin("biome"), ["check", "."]);
run(bin("nx"), ["run-many", "-t", "check-generated", "typecheck", "build", "test", "package-lint", "--outputStyle=stream"]);
