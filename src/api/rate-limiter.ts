// Client-side throttle for Altegio's limits (5 requests per second and 200 per minute per IP): a sliding
// window over the times of past grants, with waiters served strictly in arrival order.
import { systemClock, type Clock } from './clock';
import { CancelledError } from './errors';

export interface RateLimiterOptions {
  /** 0 or Infinity turns the per-second window off. Default 5. */
  perSecond?: number;
  /** 0 or Infinity turns the per-minute window off. Default 200. */
  perMinute?: number;
  /**
   * Added to each window. A grant is counted here when the request leaves, but the server counts it when it
   * arrives; without a margin, network jitter can put six arrivals inside one of the server's seconds.
   * Default 100 ms.
   */
  marginMs?: number;
  clock?: Clock;
}

export const DEFAULT_MARGIN_MS = 100;

interface Window {
  limit: number;
  ms: number;
}

interface Waiter {
  resolve: () => void;
  detach: () => void;
}

export class RateLimiter {
  private readonly windows: Window[];
  private readonly longestWindowMs: number;
  private readonly clock: Clock;
  /** Times of the grants still inside the longest window, oldest first. */
  private readonly grants: number[] = [];
  private readonly queue: Waiter[] = [];
  /** Set while the head of the queue waits for a slot; aborted when the queue empties. */
  private sleeping: AbortController | undefined;

  constructor(options: RateLimiterOptions = {}) {
    this.clock = options.clock ?? systemClock;
    const margin = options.marginMs ?? DEFAULT_MARGIN_MS;
    if (!(margin >= 0 && Number.isFinite(margin)))
      throw new RangeError(`RateLimiter marginMs must be a finite number >= 0, not ${margin}.`);
    this.windows = [
      { limit: checkLimit('perSecond', options.perSecond ?? 5), ms: 1_000 + margin },
      { limit: checkLimit('perMinute', options.perMinute ?? 200), ms: 60_000 + margin },
    ].filter((w) => w.limit > 0 && Number.isFinite(w.limit));
    this.longestWindowMs = Math.max(0, ...this.windows.map((w) => w.ms));
  }

  /** Waits for a slot. Rejects with CancelledError (and gives up its place) when the signal aborts. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelled());
    return new Promise<void>((resolve, reject) => {
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
    while (this.grants.length > 0 && this.grants[0] <= now - this.longestWindowMs) this.grants.shift();
    let wait = 0;
    for (const w of this.windows) {
      // The grant that must leave the window before another fits: the limit-th most recent one.
      if (this.grants.length >= w.limit) wait = Math.max(wait, this.grants[this.grants.length - w.limit] + w.ms - now);
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
      if (this.windows.length > 0) this.grants.push(now);
      const waiter = this.queue.shift()!;
      waiter.detach();
      waiter.resolve();
    }
  }

  private sleepThenPump(ms: number): void {
    const controller = new AbortController();
    this.sleeping = controller;
    // At least 1 ms: timers may fire a fraction early, and a 0 ms sleep would spin.
    void this.clock
      .sleep(Math.max(1, Math.ceil(ms)), controller.signal)
      .catch(() => undefined)
      .then(() => {
        this.sleeping = undefined;
        this.pump();
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
