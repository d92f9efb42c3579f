// When a failed request is sent again. Only GETs are: a write that failed may still have been carried
// out, so POST, PUT, PATCH and DELETE are never repeated automatically, whatever the failure.
import type { HttpMethod } from './catalog';
import type { AltegioError } from './errors';

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  maxRetries: number;
  /** The backoff cap of the first retry; it doubles with each retry. Default 500. */
  baseDelayMs: number;
  /** No backoff is longer; a Retry-After longer than this ends the retries. Default 30000. */
  maxDelayMs: number;
  /** Source of the jitter, in [0, 1). */
  random: () => number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  random: Math.random,
};

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

export function retryOptions(overrides: Partial<RetryOptions> = {}): RetryOptions {
  const options = { ...DEFAULT_RETRY_OPTIONS, ...overrides };
  if (!Number.isInteger(options.maxRetries) || options.maxRetries < 0)
    throw new RangeError(`maxRetries must be a whole number ≥ 0, not ${options.maxRetries}.`);
  if (!(options.baseDelayMs >= 0) || !(options.maxDelayMs >= 0))
    throw new RangeError('baseDelayMs and maxDelayMs must be ≥ 0.');
  return options;
}

/** Whether this failure of this method is worth another attempt at all (ignoring the attempt count). */
export function isRetryable(method: HttpMethod, error: AltegioError): boolean {
  if (method !== 'GET') return false;
  switch (error.kind) {
    case 'rate_limited':
    case 'network':
    case 'timeout':
      return true;
    case 'server':
      return error.status === 503;
    default:
      return false;
  }
}

/**
 * Decides after attempt number `attempt` (1-based) failed with `error`. Retry-After is honoured exactly
 * (never earlier); when it asks for longer than `maxDelayMs` there is no retry and the error stands.
 */
export function retryDecision(
  method: HttpMethod,
  error: AltegioError,
  attempt: number,
  options: RetryOptions,
): RetryDecision {
  if (!isRetryable(method, error) || attempt > options.maxRetries) return { retry: false };
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs > options.maxDelayMs ? { retry: false } : { retry: true, delayMs: error.retryAfterMs };
  }
  return { retry: true, delayMs: backoffDelay(attempt, options) };
}

/** Exponential backoff with full jitter: uniform in [0, min(maxDelay, base · 2^(retry − 1))). */
export function backoffDelay(retry: number, options: RetryOptions): number {
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(options.random() * cap);
}

/**
 * Milliseconds to wait from a Retry-After header: delta-seconds or an HTTP-date (compared with `nowMs`,
 * epoch milliseconds). Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date always names a weekday or month; this keeps Date.parse from reading stray numbers.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil(at - nowMs));
}
