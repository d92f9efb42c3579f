// Typed failures of an Altegio request. Each carries what the user needs to act on it as data, never as a
// sentence for the UI: the kind, the status, Altegio's own message and field errors, the reason with its
// arguments and the advice that applies; the host words them in the user's language. `message` is English
// for logs and plain-Node callers, and, like everything here, never holds a token: the request an error
// carries has its Authorization header masked.
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
  /** What exactly happened, with its arguments (the kind says only which family of failure it is). */
  reason?: ErrorReason;
  /** Replaces the kind's default advice when the situation calls for a more precise one. */
  advice?: ErrorAdvice;
  cause?: unknown;
}

/** A problem with the request itself, found before anything was sent. */
export type RequestProblem =
  'required' | 'bodyOnGet' | 'dotSegment' | 'notAbsoluteUrl' | 'notHttpUrl' | 'notJson' | 'formNotObject' | 'badToken';

/** What exactly happened; the host words it (see src/services/error-text.ts). */
export type ErrorReason =
  | { code: 'status' }
  | { code: 'envelopeFailure' }
  | { code: 'notJson' }
  | { code: 'noEnvelope' }
  | { code: 'tooLarge'; limitBytes: number }
  | { code: 'noAnswer'; timeoutMs: number }
  | { code: 'notSent'; systemCode: string }
  | { code: 'dropped'; whileReading: boolean; systemCode?: string }
  | { code: 'cancelled' }
  | { code: 'missingToken'; token: 'partner' | 'user' }
  | { code: 'invalidRequest'; problems: { field: string; problem: RequestProblem }[] }
  | { code: 'other' };

/** What the user can do about it: the kind's own advice, or a more precise one. */
export type ErrorAdvice =
  | AltegioErrorKind
  | 'checkConnection'
  | 'checkWriteAfterServerError'
  | 'checkWriteAfterCancel'
  | 'cancelledRead'
  | 'signInPartner'
  | 'signInUser'
  | 'pasteTokenAgain';

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
  readonly reason: ErrorReason;
  private readonly customAdvice?: ErrorAdvice;
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
    this.reason = details.reason ?? { code: 'other' };
    this.customAdvice = details.advice;
  }

  /** What the user can do about it. */
  get advice(): ErrorAdvice {
    if (this.customAdvice) return this.customAdvice;
    if (this.sent && this.kind === 'network') return 'checkConnection';
    const write = this.request !== undefined && this.request.method !== 'GET';
    // A 5xx on a write (a 504 from a gateway above all) does not prove that nothing was changed.
    if (this.kind === 'server' && write) return 'checkWriteAfterServerError';
    // A cancelled read changes nothing; a cancelled write may already have been carried out.
    if (this.sent && this.kind === 'cancelled') return write ? 'checkWriteAfterCancel' : 'cancelledRead';
    return this.kind;
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
  const ErrorClass = ERROR_BY_STATUS.get(status) ?? (status >= 500 && status <= 599 ? ServerError : HttpError);
  return new ErrorClass(message, init);
}

/** The statuses Altegio documents a meaning for; any other 5xx is a ServerError and the rest an HttpError. */
const ERROR_BY_STATUS = new Map<number, new (message: string, details: AltegioErrorDetails) => AltegioError>([
  [400, ValidationError],
  [401, UnauthorizedError],
  [402, PaymentRequiredError],
  [403, ForbiddenError],
  [404, NotFoundError],
  [422, UnprocessableError],
  [429, RateLimitedError],
]);
