import type { EmulatorContext } from "../emulatorContext.js";
import type { SeedSummary } from "../store/seedSummary.js";
import { AdminError } from "./adminError.js";
import { readFlag, refuseUnknown } from "./queryFlags.js";

/** What a reset did. */
export interface ResetSummary {
  readonly reset: true;
  /** Whether access keys and tenants were kept. */
  readonly keptKeys: boolean;
  /** What the re-applied start-up seed wrote, with reseed=true. */
  readonly seeded?: SeedSummary;
}

/**
 * POST /_emulator/reset[?reseed=true][&keepKeys=false]: empties the state (keeping access keys and
 * tenants unless keepKeys=false), optionally re-applies the start-up seed in the same transaction,
 * and forgets nonces, rate-limit buckets and faults. A seed file is read again, so edits to it apply.
 */
export function resetState(ctx: EmulatorContext, query: Readonly<Record<string, string>>): ResetSummary {
  refuseUnknown(query, "POST /_emulator/reset", ["reseed", "keepKeys"]);
  const reseed = readFlag(query, "reseed", false);
  const keepKeys = readFlag(query, "keepKeys", true);
  if (reseed && ctx.startupSeed === undefined) {
    throw new AdminError(
      400,
      "NoStartupSeed",
      "The emulator was started without a seed, so reseed=true has nothing to apply; start it with --seed <file|demo>, or POST /_emulator/seed.",
    );
  }
  const seeded = ctx.store.reset({ keepKeys, seed: reseed ? ctx.startupSeed?.() : undefined });
  ctx.engine.load();
  ctx.replay.clear();
  ctx.limiter.clear();
  ctx.faults.configure({});
  ctx.events.publish("stateReplaced", { cause: "reset" });
  return seeded === undefined ? { reset: true, keptKeys: keepKeys } : { reset: true, keptKeys: keepKeys, seeded };
}
