import type { EmulatorContext } from "../emulatorContext.js";

/** Empties every table, forgets remembered nonces and rate-limit buckets, clears the fault settings and the console's request history. */
export function resetEmulator(ctx: EmulatorContext): void {
  ctx.store.reset();
  ctx.engine.load();
  ctx.replay.clear();
  ctx.limiter.clear();
  ctx.faults.configure({});
  ctx.console.requests.clear();
}
