/** A per-key request budget: a steady rate and how many requests may come at once. */
export interface RateLimit {
  readonly requestsPerSecond: number;
  readonly burst: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Token buckets per access key. Keys without a limit are never throttled. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** Takes one token; returns 0 when allowed, or the milliseconds until a token is available. */
  take(accessKeyId: string, limit: RateLimit | undefined, nowMs: number): number {
    if (!limit) return 0;
    let bucket = this.buckets.get(accessKeyId);
    if (!bucket) {
      bucket = { tokens: limit.burst, updatedMs: nowMs };
      this.buckets.set(accessKeyId, bucket);
    }
    const elapsed = Math.max(0, nowMs - bucket.updatedMs);
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (elapsed * limit.requestsPerSecond) / 1000);
    bucket.updatedMs = nowMs;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * 1000) / limit.requestsPerSecond));
  }

  /** Forgets every bucket (after a reset or a new seed). */
  clear(): void {
    this.buckets.clear();
  }
}
