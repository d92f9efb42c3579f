// The HTTP client for the Altegio B2B API v1: every request goes through the rate limiter, a timeout,
// the retry policy (GETs only) and typed errors. Plain Node: the extension, the tests and the benchmarks
// all use it.
import type { Credentials } from './auth';
import { systemClock, type Clock } from './clock';
import { CancelledError, isAltegioError, type AltegioError, type AltegioErrorKind } from './errors';
import type { ApiResponse, PreparedRequest, RequestEvent, RequestInput } from './http-types';
import { exchange, ExchangeFailure } from './http-transport';
import { toMultipart } from './multipart';
import { RateLimiter, type RateLimitGrant } from './rate-limiter';
import { maskRequest, prepareRequest } from './request-builder';
import { parseResponse, type RawResponse } from './response-parser';
import { retryDecision, retryOptions, type RetryOptions } from './retry';
import { transportFailure } from './transport-failure';

export type { ApiResponse, PreparedRequest, RequestEvent, RequestInput } from './http-types';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_USER_AGENT = 'altegio-vscode';
/** setTimeout's ceiling; a longer delay would fire at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export interface ClientOptions {
  baseUrl: string;
  /** Read at every send, so tokens are never copied into the client. */
  credentials: () => Credentials | Promise<Credentials>;
  timeoutMs?: number;
  /** Omitted: a limiter of this client's own (5/s, 200/min). null: no limit. Share one per base URL. */
  rateLimiter?: RateLimiter | null;
  retry?: Partial<RetryOptions>;
  userAgent?: string;
  onEvent?: (e: RequestEvent) => void;
  clock?: Clock;
  /** The longest answer body read, in bytes (decompressed); a longer one fails as an invalid response. */
  maxBodyBytes?: number;
}

interface SendState {
  input: RequestInput;
  prepared: PreparedRequest;
  masked: PreparedRequest;
  secrets: (string | undefined)[];
  timeoutMs: number;
}

export class AltegioClient {
  private readonly clock: Clock;
  private readonly limiter: RateLimiter | null;
  private readonly retry: RetryOptions;
  private readonly timeoutMs: number;
  private readonly userAgent: string;

  constructor(private readonly options: ClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.limiter = options.rateLimiter === undefined ? new RateLimiter({ clock: this.clock }) : options.rateLimiter;
    this.retry = retryOptions(options.retry);
    this.timeoutMs = checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  }

  /** Exactly what would be sent, with the real Authorization header. Throws before sending on bad input. */
  prepare(input: RequestInput, creds: Credentials): PreparedRequest {
    return prepareRequest(input, creds, { baseUrl: this.options.baseUrl, userAgent: this.userAgent });
  }

  /**
   * Sends the request and resolves with the parsed answer. Throws an AltegioError for every non-2xx
   * status (with the parsed response in `error.response`) and every failure; writes are never retried.
   */
  async send(input: RequestInput): Promise<ApiResponse> {
    const timeoutMs = input.timeoutMs === undefined ? this.timeoutMs : checkTimeout(input.timeoutMs);
    const creds = await this.options.credentials();
    const prepared = this.prepare(input, creds);
    const state: SendState = {
      input,
      prepared,
      masked: maskRequest(prepared),
      secrets: [creds.partnerToken, creds.userToken],
      timeoutMs,
    };
    const event = { method: prepared.method, operationId: prepared.operationId, path: prepared.path };
    const started = performance.now();
    /** The one 'end' event of a request: its last attempt, with the answer's size or the failure's kind. */
    const end = (
      attempt: number,
      status: number | undefined,
      outcome: { sizeBytes: number } | { errorKind: AltegioErrorKind },
    ) => {
      if (this.options.onEvent)
        this.emit({ phase: 'end', ...event, attempt, status, durationMs: performance.now() - started, ...outcome });
    };
    for (let attempt = 1; ; attempt++) {
      let error: AltegioError;
      try {
        const response = await this.attempt(state, attempt);
        end(attempt, response.status, { sizeBytes: response.sizeBytes });
        return response;
      } catch (e) {
        if (!isAltegioError(e)) throw e;
        error = e;
      }
      const decision = retryDecision(prepared.method, error, attempt, this.retry);
      if (decision.retry) {
        this.emit({
          phase: 'retry',
          ...event,
          attempt: attempt + 1,
          delayMs: decision.delayMs,
          status: error.status,
          errorKind: error.kind,
        });
        try {
          await this.clock.sleep(decision.delayMs, input.signal);
          continue;
        } catch {
          error = new CancelledError(`${describe(prepared)} was cancelled while it waited to be retried.`, {
            request: state.masked,
            cause: error,
          });
        }
      }
      end(attempt, error.status, { errorKind: error.kind });
      throw error;
    }
  }

  private async attempt(state: SendState, attempt: number): Promise<ApiResponse> {
    const { input, prepared, masked } = state;
    // A retry can only follow a GET that was sent, so "nothing was sent" holds for the first attempt only.
    const notSent = { request: masked, sent: attempt > 1 };
    if (input.signal?.aborted)
      throw new CancelledError(`${describe(prepared)} was cancelled before it was sent.`, notSent);
    let grant: RateLimitGrant | undefined;
    if (this.limiter) {
      try {
        grant = await this.limiter.acquire(input.signal);
      } catch (e) {
        throw new CancelledError(`${describe(prepared)} was cancelled while it waited for a rate-limit slot.`, {
          ...notSent,
          cause: e,
        });
      }
    }
    if (this.options.onEvent)
      this.emit({
        phase: 'start',
        method: prepared.method,
        operationId: prepared.operationId,
        path: prepared.path,
        attempt,
      });
    // One HTTP exchange, with the caller's signal and the timeout. The rate-limit grant is settled as soon as the
    // answer's head arrives (or the exchange fails): the server has counted the request by then.
    const started = performance.now();
    let raw: RawResponse;
    try {
      let headers = prepared.headers;
      let body: string | Uint8Array | undefined = prepared.body;
      if (prepared.multipart) {
        const form = await toMultipart(input.body, prepared.operationId);
        headers = { ...headers, 'Content-Type': form.contentType };
        body = form.bytes;
      }
      const wire = await exchange(
        // Altegio does not redirect API calls. Following one would turn a POST into a GET and could carry the
        // tokens to another host, so the transport reports a 3xx instead.
        { url: prepared.url, method: prepared.method, headers, body },
        {
          timeoutMs: state.timeoutMs,
          signal: input.signal,
          maxBodyBytes: this.options.maxBodyBytes,
          onHead: grant && (() => grant.settle()),
        },
      );
      raw = Object.assign(wire, { durationMs: performance.now() - started });
    } catch (e) {
      if (!(e instanceof ExchangeFailure)) throw e;
      throw transportFailure(e.cause, { request: masked, phase: e.phase, timeoutMs: state.timeoutMs, ...e.details });
    } finally {
      grant?.settle();
    }
    return parseResponse(raw, {
      operation: input.operation,
      request: masked,
      attempts: attempt,
      nowMs: this.clock.now(),
      secrets: state.secrets,
    });
  }

  private emit(event: RequestEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // A failing listener (a log, a status bar) must not fail or repeat the request.
    }
  }
}

function describe(request: PreparedRequest): string {
  return `${request.method} ${request.path} (${request.operationId})`;
}

function checkTimeout(ms: number): number {
  if (!(ms > 0) || ms > MAX_TIMEOUT_MS)
    throw new RangeError(`timeoutMs must be between 1 and ${MAX_TIMEOUT_MS}, not ${ms}.`);
  return ms;
}
