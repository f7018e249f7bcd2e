/** How far a signing time may be from the server's clock, either way: 15 minutes, as documented. */
export const SIGNING_WINDOW_MS = 15 * 60 * 1000;

/**
 * The most nonces remembered at once (about 35 MB); beyond it the oldest are forgotten first, so a
 * replay older than the last 250,000 signed requests is not detected (a documented limit).
 */
export const DEFAULT_NONCE_CAPACITY = 250_000;

/**
 * Remembers signature nonces per access key for as long as the request they came with could still be
 * accepted (its signing time plus the window), so a replay inside the window is refused.
 * A Map keeps insertion order, so expired and overflowing entries are dropped from the front in O(1).
 * Expiries are whole seconds, which V8 stores inline (small integers) rather than as heap numbers.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /**
   * @param capacity - the most nonces remembered at once.
   * @param onClaim - told of every claimed nonce and its expiry (epoch seconds), to keep it durably.
   */
  constructor(
    readonly capacity = DEFAULT_NONCE_CAPACITY,
    private readonly onClaim?: (accessKeyId: string, nonce: string, expiresAt: number) => void,
  ) {}

  /** Remembers a nonce claimed before (loaded from the data file at start), until `expiresAt` (epoch s). */
  remember(accessKeyId: string, nonce: string, expiresAt: number): void {
    this.seen.set(`${accessKeyId}\n${nonce}`, expiresAt);
  }

  /** Records the nonce and returns true, or returns false when the key already used it in the window. */
  claim(accessKeyId: string, nonce: string, signedAtMs: number, nowMs: number): boolean {
    const key = `${accessKeyId}\n${nonce}`;
    const now = Math.floor(nowMs / 1000);
    const expiry = this.seen.get(key);
    if (expiry !== undefined && expiry > now) return false;
    if (expiry !== undefined) this.seen.delete(key);
    // Kept through the whole last second in which the signing time is still accepted.
    const expiresAt = Math.floor((signedAtMs + SIGNING_WINDOW_MS) / 1000) + 1;
    this.seen.set(key, expiresAt);
    this.onClaim?.(accessKeyId, nonce, expiresAt);
    this.prune(now);
    return true;
  }

  /** Forgets every nonce (after a reset of the emulator). */
  clear(): void {
    this.seen.clear();
  }

  /** How many nonces are remembered. */
  get size(): number {
    return this.seen.size;
  }

  private prune(now: number): void {
    // A few steps per claim keep the cost constant; entries are roughly in time order.
    let steps = 0;
    for (const [key, expiry] of this.seen) {
      if (this.seen.size <= this.capacity && (expiry > now || steps >= 4)) break;
      this.seen.delete(key);
      steps++;
    }
  }
}
