import type { EmulatorContext } from "../emulatorContext.js";
import { exportSeed } from "../seed/exportSeed.js";
import type { Seed } from "../seed/seedTypes.js";
import { AdminError } from "./adminError.js";
import { readFlag, refuseUnknown } from "./queryFlags.js";

/**
 * GET /_emulator/state[?format=seed][&includeKeys=true]: the state in seed format, ready for
 * --seed or POST /_emulator/seed. Access keys (with their secrets) only with includeKeys=true.
 */
export function exportState(ctx: EmulatorContext, query: Readonly<Record<string, string>>): Seed {
  refuseUnknown(query, "GET /_emulator/state", ["format", "includeKeys"]);
  const format = query.format ?? "seed";
  if (format !== "seed")
    throw new AdminError(400, "InvalidFormat", `format must be seed (the only format); got ${JSON.stringify(format)}.`);
  return exportSeed(ctx.store, { includeKeys: readFlag(query, "includeKeys", false) });
}
