#!/usr/bin/env node
// The `dmsflow` bin as npm links it. npm links a bin only if its target exists at install time, and
// dist/ does not exist until the build, so the bin is this committed file, which loads the built entry.
import { existsSync } from "node:fs";

const entry = new URL("../dist/esm/bin.js", import.meta.url);
if (existsSync(entry)) {
  await import(entry.href);
} else {
  process.stderr.write(
    "dmsflow: the package is not built (dist/esm/bin.js is missing). Run `npm run build` first (in a clone of the dmsflow repository: from its root).\n",
  );
  process.exitCode = 1;
}
