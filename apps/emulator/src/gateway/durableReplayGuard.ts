import type { Store } from "../store/store.js";
import { DEFAULT_NONCE_CAPACITY, ReplayGuard } from "./replayGuard.js";

/** How often expired nonces are deleted from the data file. */
const PRUNE_INTERVAL_MS = 60_000;

/** A replay guard whose nonces outlive a restart, and the timer that keeps the file's copy small. */
export interface DurableReplayGuard {
  readonly guard: ReplayGuard;
  /** Stops the pruning timer. */
  stop(): void;
}

/**
 * A ReplayGuard backed by the data file: it starts with the nonces still in force, and records each
 * claimed nonce in the open group commit, so it is on disk before the request is answered (a replay
 * after SIGKILL and restart is refused) at the cost of one more row in a transaction that is
 * committed anyway. A `:memory:` store forgets everything on exit, so it is not written to.
 */
export function durableReplayGuard(store: Store, durable: boolean, clock: () => number): DurableReplayGuard {
  if (!durable) return { guard: new ReplayGuard(), stop: () => undefined };
  const guard = new ReplayGuard(DEFAULT_NONCE_CAPACITY, (keyId, nonce, expiresAt) =>
    store.commits.join(() => store.nonces.record(keyId, nonce, expiresAt)),
  );
  const nowSeconds = () => Math.floor(clock() / 1000);
  store.nonces.prune(nowSeconds(), guard.capacity);
  for (const row of store.nonces.unexpired(nowSeconds(), guard.capacity)) guard.remember(row.keyId, row.nonce, row.expiresAt);
  // Only a prune that deletes something opens a transaction: an idle emulator commits nothing.
  const prune = () => {
    if (store.nonces.needsPrune(nowSeconds(), guard.capacity)) {
      store.commits.join(() => store.nonces.prune(nowSeconds(), guard.capacity));
    }
  };
  const timer = setInterval(prune, PRUNE_INTERVAL_MS);
  timer.unref();
  return { guard, stop: () => clearInterval(timer) };
}
