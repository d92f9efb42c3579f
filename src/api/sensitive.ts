// Values that must never be kept: passwords and tokens inside request or response bodies
// (POST /auth sends a password and answers with a user token). Used before anything is stored or shown.
import { isSensitiveName, redactSecrets } from './redact';

export const MASK = '••••••';

/** The same names the text redaction masks: `password`, `user_token`, `userToken`, `authorization`, `apikey`… */
export function isSensitiveKey(key: string): boolean {
  return isSensitiveName(key);
}

/** A deep copy with every sensitive field's value replaced by a mask; other values are untouched. */
export function maskSensitiveFields<T>(value: T): T {
  return mask(value, new WeakMap()) as T;
}

function mask(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(mask(v, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const masked = isSensitiveKey(k) && v !== null && v !== undefined && v !== '' ? MASK : mask(v, seen);
    // defineProperty: a "__proto__" key from parsed JSON stays a field instead of replacing the prototype.
    Object.defineProperty(out, k, { value: masked, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * What may be kept of a request (History): its query and body with credential fields masked, and its error message
 * redacted by structure and shape (the tokens in use were already taken out where the message was made).
 */
export function keepable<T extends { query?: unknown; body?: unknown; errorMessage?: string }>(entry: T): T {
  return {
    ...entry,
    query: maskSensitiveFields(entry.query),
    body: entry.body === undefined ? undefined : maskSensitiveFields(entry.body),
    errorMessage: entry.errorMessage === undefined ? undefined : redactSecrets(entry.errorMessage),
  };
}
