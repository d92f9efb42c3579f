// Typed failures of an Altegio request. Each carries what the user needs to act on it (status, Altegio's
// message, field errors, a one-sentence hint) and never a token: messages are built from the operation,
// the concrete path and the status, and the request they carry has its Authorization header masked.
import type { AltegioErrorKind } from './error-kind';
import type { ApiResponse, PreparedRequest } from './http-types';

export type { AltegioErrorKind } from './error-kind';

export interface AltegioErrorDetails {
  operationId?: string;
  status?: number;
  /** `meta.message` of the error envelope. */
  apiMessage?: string;
  /** `meta.errors`: messages by field. */
  fieldErrors?: Record<string, string[]>;
  response?: ApiResponse;
  /** Must already be masked (see `maskRequest`). */
  request?: PreparedRequest;
  retryAfterMs?: number;
  /** False only when it is certain that nothing reached the server. Defaults to true. */
  sent?: boolean;
  /** Replaces the kind's default hint when the situation calls for a more precise one. */
  hint?: string;
  cause?: unknown;
}

const HINTS: Record<AltegioErrorKind, string> = {
  validation: 'Correct the fields named in the error, then send the request again.',
  unauthorized: 'Sign in again: the partner or user token was rejected.',
  payment_required: "Renew the location's licence in Altegio.",
  forbidden: 'Use an Altegio user who has the permission this operation needs, or ask the business owner to grant it.',
  not_found: 'Check the IDs in the path: the resource does not exist or this user cannot see it.',
  unprocessable: 'Fix the values Altegio rejected (see the field errors), then send the request again.',
  rate_limited: 'Wait and retry; Altegio allows 5 requests per second and 200 per minute.',
  server: 'Altegio could not handle the request right now; try again in a moment.',
  http: "Check the request against the operation's documentation and the environment's base URL.",
  network: "Check the network connection and the environment's base URL; nothing reached the server.",
  timeout: 'The server did not answer in time; try again, or raise the request timeout.',
  invalid_response:
    "Check that the environment's base URL points at the Altegio API: the answer was not the JSON it sends.",
  missing_token: 'Sign in with a partner token, and a user token for operations that act as a user.',
  cancelled: 'The request was cancelled; nothing was sent.',
  outcome_unknown:
    'The request was sent but the connection dropped before an answer; check whether it took effect (for example list the entity) before repeating it.',
};

const BRAND = Symbol.for('altegio.api.error');

export abstract class AltegioError extends Error {
  abstract readonly kind: AltegioErrorKind;
  readonly operationId?: string;
  readonly status?: number;
  readonly apiMessage?: string;
  readonly fieldErrors: Record<string, string[]>;
  readonly response?: ApiResponse;
  readonly request?: PreparedRequest;
  readonly retryAfterMs?: number;
  readonly sent: boolean;
  private readonly customHint?: string;
  /** Lets `isAltegioError` recognise errors from another copy of this module (e.g. a second bundle). */
  readonly [BRAND] = true;

  constructor(message: string, details: AltegioErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.operationId = details.operationId ?? details.request?.operationId;
    this.status = details.status ?? details.response?.status;
    this.apiMessage = details.apiMessage;
    this.fieldErrors = details.fieldErrors ?? {};
    this.response = details.response;
    this.request = details.request;
    this.retryAfterMs = details.retryAfterMs;
    this.sent = details.sent ?? true;
    this.customHint = details.hint;
  }

  /** One sentence on what the user can do. */
  get hint(): string {
    if (this.customHint) return this.customHint;
    if (this.sent && this.kind === 'network') return 'Check the network connection, then try again.';
    const write = this.request !== undefined && this.request.method !== 'GET';
    // A 5xx on a write (a 504 from a gateway above all) does not prove that nothing was changed.
    if (this.kind === 'server' && write)
      return 'Altegio reported an error; check whether the change took effect before repeating it.';
    if (this.sent && this.kind === 'cancelled') {
      // A cancelled read changes nothing; a cancelled write may already have been carried out.
      return write
        ? 'The request was cancelled after it was sent; check whether it took effect before repeating it.'
        : 'The request was cancelled.';
    }
    return HINTS[this.kind];
  }
}

export class ValidationError extends AltegioError {
  readonly kind = 'validation';
  override readonly name = 'ValidationError';
}
export class UnauthorizedError extends AltegioError {
  readonly kind = 'unauthorized';
  override readonly name = 'UnauthorizedError';
}
export class PaymentRequiredError extends AltegioError {
  readonly kind = 'payment_required';
  override readonly name = 'PaymentRequiredError';
}
export class ForbiddenError extends AltegioError {
  readonly kind = 'forbidden';
  override readonly name = 'ForbiddenError';
}
export class NotFoundError extends AltegioError {
  readonly kind = 'not_found';
  override readonly name = 'NotFoundError';
}
export class UnprocessableError extends AltegioError {
  readonly kind = 'unprocessable';
  override readonly name = 'UnprocessableError';
}
export class RateLimitedError extends AltegioError {
  readonly kind = 'rate_limited';
  override readonly name = 'RateLimitedError';
}
export class ServerError extends AltegioError {
  readonly kind = 'server';
  override readonly name = 'ServerError';
}
/** Any other non-2xx status, and a 2xx whose envelope says `success: false`. */
export class HttpError extends AltegioError {
  readonly kind = 'http';
  override readonly name = 'HttpError';
}
export class NetworkError extends AltegioError {
  readonly kind = 'network';
  override readonly name = 'NetworkError';
}
export class TimeoutError extends AltegioError {
  readonly kind = 'timeout';
  override readonly name = 'TimeoutError';
}
export class InvalidResponseError extends AltegioError {
  readonly kind = 'invalid_response';
  override readonly name = 'InvalidResponseError';
}
export class MissingTokenError extends AltegioError {
  readonly kind = 'missing_token';
  override readonly name = 'MissingTokenError';
}
export class CancelledError extends AltegioError {
  readonly kind = 'cancelled';
  override readonly name = 'CancelledError';
}
/** A write that was sent and then lost its connection: it may or may not have taken effect. */
export class OutcomeUnknownError extends AltegioError {
  readonly kind = 'outcome_unknown';
  override readonly name = 'OutcomeUnknownError';
}

export function isAltegioError(value: unknown): value is AltegioError {
  return (
    value instanceof AltegioError ||
    (value instanceof Error && (value as unknown as Record<symbol, unknown>)[BRAND] === true)
  );
}

/** The error class for a non-2xx status. */
export function errorForStatus(status: number, message: string, details: AltegioErrorDetails): AltegioError {
  const init = { ...details, status };
  switch (status) {
    case 400:
      return new ValidationError(message, init);
    case 401:
      return new UnauthorizedError(message, init);
    case 402:
      return new PaymentRequiredError(message, init);
    case 403:
      return new ForbiddenError(message, init);
    case 404:
      return new NotFoundError(message, init);
    case 422:
      return new UnprocessableError(message, init);
    case 429:
      return new RateLimitedError(message, init);
    default:
      return status >= 500 && status <= 599 ? new ServerError(message, init) : new HttpError(message, init);
  }
}
