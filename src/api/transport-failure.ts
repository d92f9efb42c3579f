// What a failed fetch means for the caller. The rule that matters: once a write may have reached the
// server, a lost connection or a missing answer is "outcome unknown", never a plain failure, because
// Altegio may have carried it out. Only errors that prove nothing was sent say `sent: false`.
import {
  CancelledError,
  InvalidResponseError,
  NetworkError,
  OutcomeUnknownError,
  TimeoutError,
  type AltegioError,
} from './errors';
import type { PreparedRequest } from './http-types';

/**
 * Failures that happen before a single byte of the request is written: name resolution, refused or
 * unreachable connections, TLS certificate rejection, and Node refusing to build the request at all.
 */
const NOT_SENT: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be resolved right now',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ENETDOWN: 'the network is down',
  EHOSTDOWN: 'the host is down',
  EADDRNOTAVAIL: 'the address is not available',
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  CERT_NOT_YET_VALID: "the server's certificate is not valid yet",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate chain is self-signed",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate could not be verified",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server's certificate issuer is unknown",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate is for another host",
  ERR_INVALID_URL: 'the URL is invalid',
  ERR_INVALID_CHAR: 'a header contains an invalid character',
  ERR_INVALID_HTTP_TOKEN: 'a header name is invalid',
  ERR_UNESCAPED_CHARACTERS: 'the path contains unescaped characters',
};

export interface FailureContext {
  /** Already masked. */
  request: PreparedRequest;
  /** 'request' until the status line and headers arrived, 'response' while the body was read. */
  phase: 'request' | 'response';
  /** Why our own AbortController fired, if it did. */
  aborted?: 'cancelled' | 'timeout';
  timeoutMs: number;
  /** The status, when the failure happened while reading the body. */
  status?: number;
  /** Set when the body was longer than this many bytes, and so was not read. */
  tooLarge?: number;
}

export function transportFailure(error: unknown, ctx: FailureContext): AltegioError {
  const { request } = ctx;
  const what = `${request.method} ${request.path} (${request.operationId})`;
  const write = request.method !== 'GET';
  const details = { request, status: ctx.status, cause: error };
  if (ctx.aborted === 'cancelled') return new CancelledError(`${what} was cancelled.`, details);
  if (ctx.tooLarge !== undefined) {
    return new InvalidResponseError(
      `${what} answered ${ctx.status} with a body longer than ${formatBytes(ctx.tooLarge)}; it was not read.`,
      { ...details, reason: { code: 'tooLarge', limitBytes: ctx.tooLarge } },
    );
  }
  if (ctx.aborted === 'timeout') {
    const seconds = formatSeconds(ctx.timeoutMs);
    const timedOut = { ...details, reason: { code: 'noAnswer' as const, timeoutMs: ctx.timeoutMs } };
    return write
      ? new OutcomeUnknownError(
          `${what} was sent but no answer came within ${seconds}; it may or may not have taken effect.`,
          timedOut,
        )
      : new TimeoutError(`${what} got no answer within ${seconds}.`, timedOut);
  }
  const code = errorCode(error);
  if (ctx.phase === 'request' && code !== undefined && code in NOT_SENT) {
    return new NetworkError(`${what} could not be sent: ${NOT_SENT[code]} (${code}).`, {
      ...details,
      sent: false,
      reason: { code: 'notSent', systemCode: code },
    });
  }
  const dropped =
    ctx.phase === 'response' ? `while its answer (${ctx.status}) was being read` : 'before an answer arrived';
  const because = code ? ` (${code})` : '';
  const lost = {
    ...details,
    reason: { code: 'dropped' as const, whileReading: ctx.phase === 'response', ...(code ? { systemCode: code } : {}) },
  };
  return write
    ? new OutcomeUnknownError(
        `${what} was sent but the connection dropped ${dropped}${because}; it may or may not have taken effect.`,
        lost,
      )
    : new NetworkError(`${what} failed: the connection dropped ${dropped}${because}.`, lost);
}

/** The system error code, wherever the fetch implementation put it (node-fetch: on the error; undici: in `cause`). */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === 'string') return candidate.code;
    // Happy-eyeballs connection attempts fail with an AggregateError of one error per address.
    current = candidate.cause ?? (Array.isArray(candidate.errors) ? candidate.errors[0] : undefined);
  }
  return undefined;
}

function formatBytes(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MB` : `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
