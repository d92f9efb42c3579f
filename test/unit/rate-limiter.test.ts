import * as assert from 'assert';
import fc from 'fast-check';
import { CLOCK_TOLERANCE_MS, RateLimiter } from '../../src/api/rate-limiter';
import { CancelledError } from '../../src/api/errors';
import { FakeClock, flush } from './helpers/fake-clock';

/** Starts an acquire and records the fake time at which it was granted. */
function track(
  limiter: RateLimiter,
  clock: FakeClock,
  signal?: AbortSignal,
): { grantedAt?: number; error?: unknown; promise: Promise<void> } {
  const entry: { grantedAt?: number; error?: unknown; promise: Promise<void> } = { promise: Promise.resolve() };
  entry.promise = limiter.acquire(signal).then(
    () => {
      entry.grantedAt = clock.now();
    },
    (e: unknown) => {
      entry.error = e;
    },
  );
  return entry;
}

describe('RateLimiter', () => {
  it('grants 5 at once and makes the 6th wait until the first leaves the 1-second window', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter({ marginMs: 0, clock });
    const calls = Array.from({ length: 6 }, () => track(limiter, clock));
    await flush();
    assert.deepStrictEqual(
      calls.map((c) => c.grantedAt),
      [t0, t0, t0, t0, t0, undefined],
    );
    await clock.advance(999);
    assert.strictEqual(calls[5].grantedAt, undefined, 'not a millisecond early');
    await clock.advance(1);
    assert.strictEqual(calls[5].grantedAt, t0 + 1000);
  });

  it('slides the second window: a slot frees 1 s after each earlier grant, not at whole seconds', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter({ marginMs: 0, clock, perSecond: 2 });
    const a = track(limiter, clock);
    await clock.advance(300);
    const b = track(limiter, clock);
    const c = track(limiter, clock);
    const d = track(limiter, clock);
    await clock.advance(2000);
    assert.deepStrictEqual(
      [a, b, c, d].map((x) => x.grantedAt! - t0),
      [0, 300, 1000, 1300],
    );
  });

  it('allows 200 per minute: the 201st waits until 60 s after the first grant', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter({ marginMs: 0, clock }); // 5/s and 200/min
    const calls = Array.from({ length: 201 }, () => track(limiter, clock));
    // 200 grants at 5/s take 39.x seconds; the 201st is held by the minute window, not the second one.
    await clock.advance(59_999);
    assert.strictEqual(calls[199].grantedAt, t0 + 39_000);
    assert.strictEqual(calls[200].grantedAt, undefined);
    await clock.advance(1);
    assert.strictEqual(calls[200].grantedAt, t0 + 60_000);
  });

  it('serves waiters in arrival order, and a newcomer never overtakes a waiter', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ marginMs: 0, clock, perSecond: 1, perMinute: 0 });
    const order: string[] = [];
    const take = (name: string) => limiter.acquire().then(() => order.push(name));
    void take('a');
    void take('b');
    void take('c');
    await clock.advance(1000); // b's slot frees; a newcomer arriving now must queue behind c
    void take('late');
    await clock.advance(5000);
    assert.deepStrictEqual(order, ['a', 'b', 'c', 'late']);
  });

  it('rejects a cancelled waiter with CancelledError and gives its turn to the next one', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter({ marginMs: 0, clock, perSecond: 1, perMinute: 0 });
    const first = track(limiter, clock);
    const controller = new AbortController();
    const cancelled = track(limiter, clock, controller.signal);
    const next = track(limiter, clock);
    await clock.advance(500);
    controller.abort();
    await flush();
    assert.ok(cancelled.error instanceof CancelledError);
    assert.strictEqual((cancelled.error as CancelledError).sent, false);
    await clock.advance(500);
    assert.strictEqual(first.grantedAt, t0);
    assert.strictEqual(cancelled.grantedAt, undefined);
    assert.strictEqual(next.grantedAt, t0 + 1000, "the next waiter took the cancelled one's slot");
  });

  it('rejects at once, without using a slot, when the signal is already aborted', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ marginMs: 0, clock, perSecond: 1, perMinute: 0 });
    await assert.rejects(limiter.acquire(AbortSignal.abort()), CancelledError);
    const after = track(limiter, clock);
    await flush();
    assert.strictEqual(after.grantedAt, clock.now());
  });

  it('leaves no timer behind when every waiter is cancelled', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ marginMs: 0, clock, perSecond: 1, perMinute: 0 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = track(limiter, clock, controller.signal);
    await flush();
    assert.strictEqual(clock.pending, 1);
    controller.abort();
    await flush();
    assert.ok(waiting.error instanceof CancelledError);
    assert.strictEqual(clock.pending, 0);
  });

  it('turns a window off with 0 or Infinity', async () => {
    const clock = new FakeClock();
    for (const off of [0, Infinity]) {
      const limiter = new RateLimiter({ marginMs: 0, clock, perSecond: off, perMinute: off });
      const calls = Array.from({ length: 500 }, () => track(limiter, clock));
      await flush();
      assert.ok(
        calls.every((c) => c.grantedAt === clock.now()),
        `off = ${off}`,
      );
    }
  });

  it('refuses negative or fractional limits', () => {
    assert.throws(() => new RateLimiter({ perSecond: -1 }), RangeError);
    assert.throws(() => new RateLimiter({ perMinute: 2.5 }), RangeError);
    assert.throws(() => new RateLimiter({ perSecond: NaN }), RangeError);
  });

  it('never grants more than perSecond in any 1-second window, nor more than perMinute in any minute, and wastes no slot (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.oneof(fc.constant(0), fc.integer({ min: 3, max: 25 })),
        fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 40 }),
        async (perSecond, perMinute, gaps) => {
          const clock = new FakeClock();
          const limiter = new RateLimiter({ marginMs: 0, clock, perSecond, perMinute });
          const arrivals: number[] = [];
          const calls = [];
          for (const gap of gaps) {
            await clock.advance(gap);
            arrivals.push(clock.now());
            calls.push(track(limiter, clock));
          }
          for (let i = 0; i < 200 && calls.some((c) => c.grantedAt === undefined); i++) await clock.advance(5_000);
          const grants = calls.map((c) => c.grantedAt!);
          assert.ok(
            grants.every((g) => g !== undefined),
            'every waiter is served',
          );
          for (let i = 0; i + perSecond < grants.length; i++) {
            assert.ok(
              grants[i + perSecond] - grants[i] >= 1000,
              `${perSecond + 1} grants within 1 s: ${grants.slice(i, i + perSecond + 1)}`,
            );
          }
          if (perMinute > 0) {
            for (let i = 0; i + perMinute < grants.length; i++) assert.ok(grants[i + perMinute] - grants[i] >= 60_000);
          }
          // FIFO and work-conserving: each grant comes at the first moment the windows and the queue allow.
          grants.forEach((g, i) => {
            const earliest = Math.max(
              arrivals[i],
              i > 0 ? grants[i - 1] : -Infinity,
              i >= perSecond ? grants[i - perSecond] + 1000 : -Infinity,
              perMinute > 0 && i >= perMinute ? grants[i - perMinute] + 60_000 : -Infinity,
            );
            assert.strictEqual(g, earliest, `grant ${i}`);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps a margin past each window, so jitter on the wire cannot put six arrivals in one server second', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, perSecond: 1, perMinute: 0, marginMs: 100 });
    const t0 = clock.now();
    await limiter.acquire();
    let granted: number | undefined;
    void limiter.acquire().then(() => {
      granted = clock.now();
    });
    await clock.advance(1000);
    assert.strictEqual(granted, undefined, 'not granted at exactly one second');
    await clock.advance(100);
    assert.strictEqual(granted, t0 + 1100);
    assert.throws(() => new RateLimiter({ marginMs: -1 }), RangeError);
  });

  it('tracks the server: a request answered within the margin occupies its windows from its answer, not send + margin', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, perSecond: 5, perMinute: 0, marginMs: 100 });
    const t0 = clock.now();
    const grants = await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
    await clock.advance(8);
    grants.forEach((g) => g.settle());
    const sixth = track(limiter, clock);
    await clock.advance(999 + CLOCK_TOLERANCE_MS);
    assert.strictEqual(sixth.grantedAt, undefined, 'not before the answers have left the server second');
    await clock.advance(1);
    assert.strictEqual(sixth.grantedAt, t0 + 1008 + CLOCK_TOLERANCE_MS);
  });

  it('counts a request still in flight, or answered late, from send + margin', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, perSecond: 1, perMinute: 0, marginMs: 100 });
    const t0 = clock.now();
    const slow = await limiter.acquire();
    const second = track(limiter, clock);
    await clock.advance(500);
    slow.settle();
    await clock.advance(599);
    assert.strictEqual(second.grantedAt, undefined);
    await clock.advance(1);
    assert.strictEqual(second.grantedAt, t0 + 1100);
  });

  it('wakes a waiter earlier when a grant settles while it sleeps', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, perSecond: 1, perMinute: 0, marginMs: 100 });
    const t0 = clock.now();
    const first = await limiter.acquire();
    const second = track(limiter, clock);
    await clock.advance(20);
    first.settle();
    first.settle();
    await clock.advance(1000 + CLOCK_TOLERANCE_MS);
    assert.strictEqual(second.grantedAt, t0 + 1020 + CLOCK_TOLERANCE_MS);
    assert.strictEqual(clock.pending, 0, 'no sleep left behind');
  });

  it('never lets the server count more than its limits, however the answers are timed (property)', async () => {
    // The server counts each request at some moment between its sending and the earlier of its answer and
    // send + margin (the limiter's assumption), and refuses a request that finds `limit` others in its window.
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.oneof(fc.constant(0), fc.integer({ min: 6, max: 20 })),
        fc.array(
          fc.record({
            gap: fc.integer({ min: 0, max: 400 }),
            latency: fc.integer({ min: 0, max: 300 }),
            at: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        async (perSecond, perMinute, requests) => {
          const margin = 100;
          const clock = new FakeClock();
          const limiter = new RateLimiter({ clock, perSecond, perMinute, marginMs: margin });
          const counted: number[] = [];
          const done: Promise<void>[] = [];
          for (const r of requests) {
            await clock.advance(r.gap);
            done.push(
              limiter.acquire().then(async (grant) => {
                const sent = clock.now();
                const answered = sent + r.latency;
                counted.push(sent + r.at * (Math.min(answered, sent + margin) - sent));
                await clock.sleep(r.latency);
                grant.settle();
              }),
            );
          }
          for (let i = 0; i < 400 && counted.length < requests.length; i++) await clock.advance(1000);
          await clock.advance(120_000);
          await Promise.all(done);
          const sorted = [...counted].sort((a, b) => a - b);
          for (let i = 0; i + perSecond < sorted.length; i++)
            assert.ok(sorted[i + perSecond] - sorted[i] >= 1000, `${perSecond + 1} counted within 1 s`);
          if (perMinute > 0)
            for (let i = 0; i + perMinute < sorted.length; i++) assert.ok(sorted[i + perMinute] - sorted[i] >= 60_000);
        },
      ),
      { numRuns: 60 },
    );
  });
});
