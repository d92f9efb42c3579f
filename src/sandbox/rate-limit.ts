// Altegio's rate limit, per client IP address: 5 requests per second and 200 per minute, over sliding windows.
// Refused requests do not count, so a client that waits for Retry-After always gets through.

export interface RateLimitOptions {
  perSecond: number;
  perMinute: number;
}

export const ALTEGIO_RATE_LIMIT: Readonly<RateLimitOptions> = Object.freeze({ perSecond: 5, perMinute: 200 });

export type RateDecision =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; window: 'second' | 'minute' };

export class SlidingWindowRateLimiter {
  /** Accepted request times per client, oldest first, never older than a minute. */
  private readonly history = new Map<string, number[]>();

  constructor(
    private readonly limits: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** "5 requests per second" or "200 requests per minute", for messages. */
  describe(window: 'second' | 'minute'): string {
    return window === 'second'
      ? `${this.limits.perSecond} requests per second`
      : `${this.limits.perMinute} requests per minute`;
  }

  check(client: string): RateDecision {
    const now = this.now();
    const times = (this.history.get(client) ?? []).filter((t) => t > now - 60_000);
    const lastSecond = times.filter((t) => t > now - 1000);
    let decision: RateDecision = { allowed: true };
    if (lastSecond.length >= this.limits.perSecond) {
      // Free again when the oldest of the last `perSecond` requests leaves the one-second window.
      const oldest = lastSecond[lastSecond.length - this.limits.perSecond];
      decision = { allowed: false, window: 'second', retryAfterSeconds: seconds(oldest + 1000 - now) };
    } else if (times.length >= this.limits.perMinute) {
      const oldest = times[times.length - this.limits.perMinute];
      decision = { allowed: false, window: 'minute', retryAfterSeconds: seconds(oldest + 60_000 - now) };
    }
    if (decision.allowed) times.push(now);
    if (times.length) this.history.set(client, times);
    else this.history.delete(client);
    return decision;
  }
}

/** Retry-After is whole seconds, at least one. */
function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
