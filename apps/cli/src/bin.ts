#!/usr/bin/env node
// The `dmsflow` executable. ESM only (it reads its version through import.meta); everything else
// lives in run.ts, which loads @dmsflow/core only for commands that call the API.
import { setMaxListeners } from "node:events";
import { readFileSync } from "node:fs";
import { ExitCode } from "./exitCodes.js";
import { run } from "./run.js";

const interrupt = new AbortController();
// Every call in flight and every wait between retries listens to this one signal; bulk resume at
// --concurrency 64 holds over a hundred such listeners, all removed as they settle.
setMaxListeners(1000, interrupt.signal);
process.on("SIGINT", () => {
  // The first Ctrl-C lets a bulk command finish its calls in flight and print what it did.
  if (interrupt.signal.aborted) process.exit(ExitCode.Interrupted);
  interrupt.abort(Object.assign(new Error("interrupted by Ctrl-C"), { name: "AbortError" }));
});
// `dmsflow instances | head -1` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? ExitCode.Success);
    throw error;
  });
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

// No top-level await: the build also derives a CommonJS copy of every module.
void run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdin: process.stdin,
  get version() {
    return readVersion();
  },
  signal: interrupt.signal,
}).then((code) => {
  process.exitCode = code;
});
