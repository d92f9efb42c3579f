// The sandbox's per-IP rate limit: Retry-After names the wait of the window that binds, and clients that never come
// back are forgotten, so memory does not grow with the number of addresses seen (D9).
import * as assert from 'assert';
import { MAX_TRACKED_CLIENTS, SlidingWindowRateLimiter } from '../../src/sandbox/rate-limit';

describe('sandbox rate limit', () => {
  it('names the per-minute wait when both windows are full', () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter({ perSecond: 5, perMinute: 10 }, () => now);
    for (let i = 0; i < 5; i++) assert.ok(limiter.check('a').allowed);
    now = 1500;
    for (let i = 0; i < 5; i++) assert.ok(limiter.check('a').allowed);
    // Both the last second (5 requests) and the last minute (10) are full: only the minute's wait lets it through.
    const decision = limiter.check('a');
    assert.deepStrictEqual(decision, { allowed: false, window: 'minute', retryAfterSeconds: 59 });
    now = 1500 + 59_000;
    assert.ok(limiter.check('a').allowed, 'free again after the Retry-After it named');
  });

  it('names the per-second wait when only the second is full', () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter({ perSecond: 5, perMinute: 200 }, () => now);
    for (let i = 0; i < 5; i++) limiter.check('a');
    now = 300;
    assert.deepStrictEqual(limiter.check('a'), { allowed: false, window: 'second', retryAfterSeconds: 1 });
  });

  it('forgets clients that have been quiet for a minute', () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter({ perSecond: 5, perMinute: 200 }, () => now);
    for (let i = 0; i < 5000; i++) limiter.check(`10.0.${i >> 8}.${i & 255}`);
    assert.strictEqual(limiter.trackedClients, 5000);
    now = 61_000;
    limiter.check('10.9.9.9');
    assert.strictEqual(limiter.trackedClients, 1);
  });

  it(`tracks at most ${MAX_TRACKED_CLIENTS} clients at once, however many addresses arrive`, () => {
    const limiter = new SlidingWindowRateLimiter({ perSecond: 5, perMinute: 200 }, () => 0);
    for (let i = 0; i < 30_000; i++) limiter.check(`127.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    assert.ok(limiter.trackedClients <= MAX_TRACKED_CLIENTS, String(limiter.trackedClients));
    // The most recent clients are the ones kept, with their counts.
    for (let i = 0; i < 4; i++) limiter.check('127.0.117.47');
    assert.strictEqual(limiter.check('127.0.117.47').allowed, false);
  });
});
