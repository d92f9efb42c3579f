// Client-side throttle for Altegio's limits (5 requests per second and 200 per minute per IP), tracking the server's
// own sliding windows: the server counts a request when it arrives, which is after we send it and before its answer
// comes back. Each grant therefore occupies the windows from its latest possible arrival: the moment its answer
// arrived (`settle()`, plus a few milliseconds for the server's clock), or, while it is in flight or when the answer is
// slow, its send time plus a margin for jitter on the wire. Fast answers (loopback, a nearby server) thus cost almost
// nothing; waiters are served in arrival order.
import { systemClock, type Clock } from './clock';
import { CancelledError } from './errors';

export interface RateLimiterOptions {
  /** 0 or Infinity turns the per-second window off. Default 5. */
  perSecond?: number;
  /** 0 or Infinity turns the per-minute window off. Default 200. */
  perMinute?: number;
  /**
   * The latest a request is assumed to arrive after it was sent when its answer takes longer than that (or is never
   * reported with `settle()`): covers jitter on the wire, which could otherwise put six arrivals inside one of the
   * server's seconds. Default 100 ms.
   */
  marginMs?: number;
  clock?: Clock;
}

export const DEFAULT_MARGIN_MS = 100;
/**
 * Added to an answer's arrival: the server's clock counts whole milliseconds and need not run at exactly our
 * clock's rate (a step of a millisecond between two of its readings was seen on this project's machines).
 */
export const CLOCK_TOLERANCE_MS = 10;

/** A granted slot. Call `settle()` when the answer's status line arrived, or the request failed. */
export interface RateLimitGrant {
  settle(): void;
}

interface Window {
  limit: number;
  ms: number;
}

interface Waiter {
  resolve: (grant: RateLimitGrant) => void;
  detach: () => void;
}

interface Grant {
  sentAt: number;
  /** The latest the server can have counted it: sentAt + margin, or the answer's arrival (+ tolerance) if earlier. */
  countedBy: number;
}

export class RateLimiter {
  private readonly windows: Window[];
  private readonly longestWindowMs: number;
  private readonly marginMs: number;
  private readonly clock: Clock;
  /** Grants that may still be inside the longest window. */
  private grants: Grant[] = [];
  private readonly queue: Waiter[] = [];
  /** Set while the head of the queue waits for a slot; aborted when the queue empties or a grant settles. */
  private sleeping: AbortController | undefined;

  constructor(options: RateLimiterOptions = {}) {
    this.clock = options.clock ?? systemClock;
    const margin = options.marginMs ?? DEFAULT_MARGIN_MS;
    if (!(margin >= 0 && Number.isFinite(margin)))
      throw new RangeError(`RateLimiter marginMs must be a finite number >= 0, not ${margin}.`);
    this.marginMs = margin;
    this.windows = [
      { limit: checkLimit('perSecond', options.perSecond ?? 5), ms: 1_000 },
      { limit: checkLimit('perMinute', options.perMinute ?? 200), ms: 60_000 },
    ].filter((w) => w.limit > 0 && Number.isFinite(w.limit));
    this.longestWindowMs = Math.max(0, ...this.windows.map((w) => w.ms));
  }

  /** Waits for a slot. Rejects with CancelledError (and gives up its place) when the signal aborts. */
  acquire(signal?: AbortSignal): Promise<RateLimitGrant> {
    if (signal?.aborted) return Promise.reject(cancelled());
    return new Promise<RateLimitGrant>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter);
        if (index < 0) return;
        this.queue.splice(index, 1);
        if (this.queue.length === 0) this.sleeping?.abort();
        reject(cancelled());
      };
      const waiter: Waiter = { resolve, detach: () => signal?.removeEventListener('abort', onAbort) };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** Milliseconds until a request could be granted (0 when a slot is free). */
  private delayUntilFree(now: number): number {
    this.grants = this.grants.filter((g) => g.countedBy + this.longestWindowMs > now);
    let wait = 0;
    for (const w of this.windows) {
      // Grants still in this window, by the time each leaves it; the one that must leave before another fits is
      // the (count - limit + 1)-th to leave.
      const leaving = this.grants.map((g) => g.countedBy + w.ms).filter((t) => t > now);
      if (leaving.length < w.limit) continue;
      leaving.sort((a, b) => a - b);
      wait = Math.max(wait, leaving[leaving.length - w.limit] - now);
    }
    return wait;
  }

  private pump(): void {
    if (this.sleeping) return;
    while (this.queue.length > 0) {
      const now = this.clock.now();
      const wait = this.delayUntilFree(now);
      if (wait > 0) {
        this.sleepThenPump(wait);
        return;
      }
      const waiter = this.queue.shift()!;
      waiter.detach();
      waiter.resolve(this.grant(now));
    }
  }

  private grant(now: number): RateLimitGrant {
    if (this.windows.length === 0) return { settle: () => undefined };
    const grant: Grant = { sentAt: now, countedBy: now + this.marginMs };
    this.grants.push(grant);
    let settled = false;
    return {
      settle: () => {
        if (settled) return;
        settled = true;
        const latest = this.clock.now() + CLOCK_TOLERANCE_MS;
        if (latest >= grant.countedBy) return;
        grant.countedBy = Math.max(grant.sentAt, latest);
        // A slot may free earlier than the head of the queue was told: look again.
        if (this.sleeping) {
          this.sleeping.abort();
          this.sleeping = undefined;
          this.pump();
        }
      },
    };
  }

  private sleepThenPump(ms: number): void {
    const controller = new AbortController();
    this.sleeping = controller;
    // At least 1 ms: timers may fire a fraction early, and a 0 ms sleep would spin.
    void this.clock
      .sleep(Math.max(1, Math.ceil(ms)), controller.signal)
      .then(
        () => true,
        () => false,
      )
      .then((slept) => {
        // An aborted sleep was replaced (a grant settled) or is no longer needed (the queue emptied).
        if (this.sleeping !== controller) return;
        this.sleeping = undefined;
        if (slept || this.queue.length > 0) this.pump();
      });
  }
}

function checkLimit(name: string, value: number): number {
  if (value === Infinity || (Number.isInteger(value) && value >= 0)) return value;
  throw new RangeError(`RateLimiter ${name} must be 0 (off), a positive integer or Infinity, not ${value}.`);
}

function cancelled(): CancelledError {
  return new CancelledError('The request was cancelled while it waited for a rate-limit slot. Nothing was sent.', {
    sent: false,
  });
}
