#!/usr/bin/env node
import { parseArguments, USAGE, UsageError } from "./cli/parseArguments.js";
import { startEmulator } from "./startEmulator.js";

// The one line on stdout is the contract (tools read the URL from it); everything else goes to stderr.
async function main(): Promise<void> {
  let args: ReturnType<typeof parseArguments>;
  try {
    args = parseArguments(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`dmsflow-emulator: ${error.message}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({
      host: args.host,
      port: args.port,
      data: args.data,
      ...(args.seed === undefined ? {} : { seed: args.seed }),
      console: args.console,
      ...(args.adminToken === undefined ? {} : { adminToken: args.adminToken }),
      ...(args.completeAfterMs === undefined ? {} : { completeRunningAfterMs: args.completeAfterMs }),
      ...(args.speed === undefined ? {} : { speed: args.speed }),
      ...(args.randomSeed === undefined ? {} : { randomSeed: args.randomSeed }),
      ...(args.maxConnections === undefined ? {} : { maxConnections: args.maxConnections }),
      ...(args.maxConnectionsPerAddress === undefined ? {} : { maxConnectionsPerAddress: args.maxConnectionsPerAddress }),
      ...(args.headersTimeoutMs === undefined ? {} : { headersTimeoutMs: args.headersTimeoutMs }),
      ...(args.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: args.idleTimeoutMs }),
      ...(args.quiet ? {} : { log: (line: string) => process.stderr.write(`${line}\n`) }),
    });
  } catch (error) {
    process.stderr.write(`dmsflow-emulator: ${(error as Error).message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`dmsflow-emulator: shutting down after ${signal} failed: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`dmsflow-emulator: unexpected failure: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
