import * as assert from 'assert';
import fc from 'fast-check';
import type { HttpMethod } from '../../src/api/catalog';
import {
  NetworkError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  ValidationError,
  type AltegioError,
} from '../../src/api/errors';
import { backoffDelay, isRetryable, parseRetryAfter, retryDecision, retryOptions } from '../../src/api/retry';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('retry policy', () => {
  const options = retryOptions({ random: () => 0.5 });
  const failures: [string, AltegioError][] = [
    ['429', new RateLimitedError('x', { status: 429 })],
    ['503', new ServerError('x', { status: 503 })],
    ['a network error that sent nothing', new NetworkError('x', { sent: false })],
    ['a connection reset', new NetworkError('x', { sent: true })],
    ['a timeout', new TimeoutError('x')],
  ];

  for (const [name, error] of failures) {
    it(`retries a GET after ${name}`, () => {
      assert.strictEqual(isRetryable('GET', error), true);
      assert.deepStrictEqual(retryDecision('GET', error, 1, options).retry, true);
    });
  }

  it('never retries POST, PUT, PATCH or DELETE, whatever the failure (property)', () => {
    const writes = fc.constantFrom<HttpMethod>('POST', 'PUT', 'PATCH', 'DELETE');
    const anyFailure = fc.constantFrom(...failures.map(([, e]) => e), new OutcomeUnknownError('x'));
    fc.assert(
      fc.property(writes, anyFailure, fc.integer({ min: 1, max: 10 }), (method, error, attempt) => {
        assert.deepStrictEqual(retryDecision(method, error, attempt, retryOptions({ maxRetries: 100 })), {
          retry: false,
        });
      }),
    );
  });

  it('does not retry a GET after 500, 400 or an unknown outcome', () => {
    assert.strictEqual(isRetryable('GET', new ServerError('x', { status: 500 })), false);
    assert.strictEqual(isRetryable('GET', new ValidationError('x', { status: 400 })), false);
    assert.strictEqual(isRetryable('GET', new OutcomeUnknownError('x')), false);
  });

  it('stops after maxRetries retries', () => {
    const error = new ServerError('x', { status: 503 });
    const o = retryOptions({ maxRetries: 2, random: () => 0 });
    assert.strictEqual(retryDecision('GET', error, 2, o).retry, true);
    assert.strictEqual(retryDecision('GET', error, 3, o).retry, false);
    assert.strictEqual(retryDecision('GET', error, 1, retryOptions({ maxRetries: 0 })).retry, false);
  });

  it('waits exactly Retry-After when it is given, ignoring the jitter', () => {
    const decision = retryDecision(
      'GET',
      new RateLimitedError('x', { retryAfterMs: 2000 }),
      1,
      retryOptions({ random: () => 0 }),
    );
    assert.deepStrictEqual(decision, { retry: true, delayMs: 2000 });
  });

  it('gives up when Retry-After is longer than maxDelayMs', () => {
    assert.deepStrictEqual(retryDecision('GET', new RateLimitedError('x', { retryAfterMs: 31_000 }), 1, options), {
      retry: false,
    });
    assert.deepStrictEqual(retryDecision('GET', new RateLimitedError('x', { retryAfterMs: 30_000 }), 1, options), {
      retry: true,
      delayMs: 30_000,
    });
  });

  it('backs off exponentially with full jitter, capped at maxDelayMs', () => {
    const top = retryOptions({ random: () => 0.999999 });
    assert.deepStrictEqual(
      [1, 2, 3, 4].map((n) => backoffDelay(n, top)),
      [499, 999, 1999, 3999],
    );
    assert.strictEqual(backoffDelay(20, top), 29_999);
    assert.strictEqual(backoffDelay(3, retryOptions({ random: () => 0 })), 0);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, r) => {
          const d = backoffDelay(retry, retryOptions({ random: () => r }));
          assert.ok(d >= 0 && d < Math.min(30_000, 500 * 2 ** (retry - 1)));
        },
      ),
    );
  });

  it('refuses nonsensical options', () => {
    assert.throws(() => retryOptions({ maxRetries: -1 }), RangeError);
    assert.throws(() => retryOptions({ maxRetries: 1.5 }), RangeError);
    assert.throws(() => retryOptions({ baseDelayMs: -5 }), RangeError);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    assert.strictEqual(parseRetryAfter('1', NOW), 1000);
    assert.strictEqual(parseRetryAfter(' 120 ', NOW), 120_000);
    assert.strictEqual(parseRetryAfter('0', NOW), 0);
  });

  it('reads an HTTP-date relative to now, never earlier', () => {
    assert.strictEqual(parseRetryAfter('Sun, 01 Mar 2026 12:00:05 GMT', NOW), 5000);
    assert.strictEqual(parseRetryAfter('Sun, 01 Mar 2026 12:00:05 GMT', NOW + 0.4), 5000, 'rounded up, not down');
    assert.strictEqual(parseRetryAfter('Sun, 01 Mar 2026 11:59:00 GMT', NOW), 0, 'a date in the past means now');
  });

  it('ignores absent or unreadable values', () => {
    assert.strictEqual(parseRetryAfter(undefined, NOW), undefined);
    assert.strictEqual(parseRetryAfter('soon', NOW), undefined);
    assert.strictEqual(parseRetryAfter('-3', NOW), undefined);
    assert.strictEqual(parseRetryAfter('1.5', NOW), undefined);
  });
});
