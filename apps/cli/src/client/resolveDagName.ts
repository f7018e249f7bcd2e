import type { DmsClient } from "@dmsflow/core";
import type { CliIo } from "../cliIo.js";
import type { FlagValues } from "../commands/flagValues.js";

/**
 * `--dag-name`: the flags with `dag-id` set to the ID of the task flow of that exact name (core's
 * findTaskFlowByName: one ListTaskFlowsByPage call per 100 matches), so handlers read --dag-id only.
 * Flags without --dag-name come back as they are, with no call made.
 */
export async function resolveDagName(flags: FlagValues, client: () => Promise<DmsClient>, io: CliIo): Promise<FlagValues> {
  const name = flags.string("dag-name");
  if (name === undefined) return flags;
  const { findTaskFlowByName } = await import("@dmsflow/core");
  const flow = await findTaskFlowByName(await client(), name, { Tid: flags.string("tid"), signal: io.signal });
  return flags.with("dag-id", flow.Id!);
}
