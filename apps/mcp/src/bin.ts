#!/usr/bin/env node
// The `dmsflow-mcp` executable. ESM only (it reads its version through import.meta).
import { readFileSync } from "node:fs";
import { ArgumentError, parseArguments, USAGE } from "./cli/parseArguments.js";
import { serveHttp, serverOptions, serveStdio } from "./cli/startServer.js";

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2), process.env);
  if (args.help) return void process.stdout.write(USAGE);
  if (args.version) return void process.stdout.write(`${readVersion()}\n`);
  const options = serverOptions(args, process.env, readVersion());
  if (args.httpPort === undefined) return serveStdio(options);
  const { url } = await serveHttp(options, args.httpPort);
  // stdout is free in HTTP mode: one JSON line, like dmsflow-emulator, for scripts to read the URL.
  process.stdout.write(`${JSON.stringify({ url })}\n`);
}

// No top-level await: the build also derives a CommonJS copy of every module.
main().catch((error: unknown) => {
  // stdout carries the protocol on stdio: every message of ours goes to stderr.
  process.stderr.write(
    `dmsflow-mcp: ${error instanceof ArgumentError ? error.message : String((error as Error)?.message ?? error)}\n`,
  );
  process.exitCode = 2;
});
