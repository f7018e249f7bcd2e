import type { DmsClient } from "@dmsflow/core";
import type { CliIo } from "../cliIo.js";
import type { GlobalOptions } from "../globalOptions.js";
import { redactKnownSecrets } from "../redact.js";
import { dryRunMiddleware } from "./dryRun.js";

/**
 * Creates the API client from the global flags. Credentials, region and endpoint resolve exactly as
 * in @dmsflow/core (environment, aliyun CLI profiles, --profile); the CLI only passes what the user
 * typed. --debug routes core's one-line-per-attempt log to stderr; --dry-run adds a middleware that
 * stops each call after signing.
 */
export async function createClient(global: GlobalOptions, io: CliIo): Promise<DmsClient> {
  const core = await import("@dmsflow/core");
  const client = new core.DmsClient({
    regionId: global.region,
    endpoint: global.endpoint,
    profile: global.profile,
    timeoutMs: global.timeoutMs,
    retry: global.retries === undefined ? undefined : { maxAttempts: global.retries + 1 },
    userAgent: `dmsflow-cli/${io.version}`,
    env: io.env,
    // The aliyun CLI config lives under the HOME of the environment the CLI was given.
    homeDir: io.env.HOME || undefined,
    // Undefined keeps core's own DEBUG=dmsflow switch working.
    debug: global.debug ? (line: string) => io.stderr.write(`${redactKnownSecrets(line, io.env)}\n`) : undefined,
  });
  if (global.dryRun) {
    client.middleware.add(dryRunMiddleware((request) => core.redactRequest(request, client.endpoint)));
  }
  return client;
}
