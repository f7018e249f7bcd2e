import type { DmsClient } from "@dmsflow/core";
import type { CliIo } from "../cliIo.js";
import type { GlobalOptions } from "../globalOptions.js";
import { redactKnownSecrets } from "../redact.js";
import type { DryRun } from "./dryRun.js";

/**
 * Creates the API client from the global flags. Credentials, region and endpoint resolve exactly as
 * in @dmsflow/core (environment, aliyun CLI profiles, --profile); the CLI only passes what the user
 * typed. Like the aliyun CLI, it honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (core leaves proxies
 * opt-in). --debug (or DEBUG=dmsflow) routes core's one-line-per-attempt log to stderr; with
 * --dry-run, `dryRun`'s handler takes the place of the transport.
 */
export async function createClient(global: GlobalOptions, io: CliIo, dryRun?: DryRun): Promise<DmsClient> {
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
    proxy: core.proxyFromEnvironment(),
    hooks: debugRequested(global, io.env)
      ? core.debugHooks((line) => io.stderr.write(`${redactKnownSecrets(line, io.env)}\n`))
      : undefined,
  });
  if (dryRun) client.middleware.add(dryRun.handler((request) => core.redactRequest(request, client.endpoint)));
  return client;
}

// The `debug` package's convention, which users of Node tools expect: DEBUG=dmsflow or dmsflow*.
function debugRequested(global: GlobalOptions, env: Readonly<Record<string, string | undefined>>): boolean {
  return global.debug || /(^|[\s,])dmsflow\*?($|[\s,])/.test(env.DEBUG ?? "");
}
