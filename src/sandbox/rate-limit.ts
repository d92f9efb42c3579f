// Altegio's rate limit, per client IP address: 5 requests per second and 200 per minute, over sliding windows.
// Refused requests do not count, so a client that waits for Retry-After always gets through. Addresses come from
// clients, so the table is bounded: a client quiet for a minute is forgotten, and at most MAX_TRACKED_CLIENTS are
// kept (the least recently seen making room).

export interface RateLimitOptions {
  perSecond: number;
  perMinute: number;
}

export const ALTEGIO_RATE_LIMIT: Readonly<RateLimitOptions> = Object.freeze({ perSecond: 5, perMinute: 200 });

export const MAX_TRACKED_CLIENTS = 10_000;

export type RateDecision =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; window: 'second' | 'minute' };

export class SlidingWindowRateLimiter {
  /** Accepted request times per client, oldest first, never older than a minute; in order of last check. */
  private readonly history = new Map<string, number[]>();
  /** When each client was last checked, in the same order as `history`. */
  private readonly lastSeen = new Map<string, number>();

  constructor(
    private readonly limits: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** How many clients the limiter remembers right now (for the sandbox's stats). */
  get trackedClients(): number {
    return this.history.size;
  }

  /** "5 requests per second" or "200 requests per minute", for messages. */
  describe(window: 'second' | 'minute'): string {
    return window === 'second'
      ? `${this.limits.perSecond} requests per second`
      : `${this.limits.perMinute} requests per minute`;
  }

  check(client: string): RateDecision {
    const now = this.now();
    this.forgetQuietClients(now);
    const times = (this.history.get(client) ?? []).filter((t) => t > now - 60_000);
    const lastSecond = times.filter((t) => t > now - 1000);
    // Each full window says when it frees up; the request may pass only when both have, so the later one binds.
    let waitMs = 0;
    let window: 'second' | 'minute' = 'second';
    if (lastSecond.length >= this.limits.perSecond) {
      waitMs = lastSecond[lastSecond.length - this.limits.perSecond] + 1000 - now;
    }
    if (times.length >= this.limits.perMinute) {
      const minuteWait = times[times.length - this.limits.perMinute] + 60_000 - now;
      if (minuteWait >= waitMs) {
        waitMs = minuteWait;
        window = 'minute';
      }
    }
    const blocked = lastSecond.length >= this.limits.perSecond || times.length >= this.limits.perMinute;
    if (!blocked) times.push(now);
    this.history.delete(client);
    this.lastSeen.delete(client);
    if (times.length) {
      this.history.set(client, times);
      this.lastSeen.set(client, now);
      if (this.history.size > MAX_TRACKED_CLIENTS) this.forgetOldest();
    }
    return blocked ? { allowed: false, window, retryAfterSeconds: seconds(waitMs) } : { allowed: true };
  }

  /** Clients are kept in order of their last check, so the quiet ones are at the front. */
  private forgetQuietClients(now: number): void {
    for (const [client, seen] of this.lastSeen) {
      if (seen > now - 60_000) return;
      this.lastSeen.delete(client);
      this.history.delete(client);
    }
  }

  private forgetOldest(): void {
    const oldest = this.lastSeen.keys().next().value as string;
    this.lastSeen.delete(oldest);
    this.history.delete(oldest);
  }
}

/** Retry-After is whole seconds, at least one. */
function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
