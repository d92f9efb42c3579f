// Reads an HTTP answer into an ApiResponse: parses JSON, unwraps the {success, data, meta} envelope, and
// turns every non-2xx status (and `success: false`) into the matching typed error.
import type { OperationSpec } from './catalog';
import { errorForStatus, HttpError, InvalidResponseError } from './errors';
import type { ApiResponse, PreparedRequest } from './http-types';
import { redactSecrets } from './redact';
import { parseRetryAfter } from './retry';
import { isRecord } from './is-record';

export interface RawResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  bytes: Uint8Array;
  durationMs: number;
}

export interface ParseContext {
  operation: OperationSpec;
  /** Already masked. */
  request: PreparedRequest;
  attempts: number;
  /** Epoch milliseconds, to read a Retry-After HTTP-date. */
  nowMs: number;
  /** Tokens to keep out of error messages, should the server echo one. */
  secrets: readonly (string | undefined)[];
}

const SNIPPET_CHARS = 200;
/** Stateless without `stream: true`, so one serves every response. */
const UTF8 = new TextDecoder();

export function parseResponse(raw: RawResponse, ctx: ParseContext): ApiResponse {
  const { operation: op, request } = ctx;
  const what = `${request.method} ${request.path} (${op.id})`;
  const rawText = UTF8.decode(raw.bytes);
  const ok = raw.status >= 200 && raw.status <= 299;
  let body: unknown;
  let notJson = false;
  if (rawText.trim() !== '') {
    try {
      body = JSON.parse(rawText);
    } catch {
      notJson = true;
    }
  }
  const envelope = asEnvelope(body);
  const response: ApiResponse = {
    status: raw.status,
    statusText: raw.statusText,
    ok,
    headers: raw.headers,
    durationMs: raw.durationMs,
    sizeBytes: raw.bytes.byteLength,
    rawText,
    body,
    data: op.enveloped && envelope ? envelope.data : body,
    meta: envelope?.meta,
    attempts: ctx.attempts,
    request,
  };
  if (!ok) {
    const { apiMessage, fieldErrors } = reported(envelope, ctx.secrets);
    const statusLine = `${raw.status}${raw.statusText ? ` ${raw.statusText}` : ''}`;
    const location =
      raw.status >= 300 && raw.status <= 399 && raw.headers.location
        ? ` to ${clean(raw.headers.location, ctx.secrets)}`
        : '';
    const retryAfterMs =
      raw.status === 429 || raw.status === 503 ? parseRetryAfter(raw.headers['retry-after'], ctx.nowMs) : undefined;
    const message = `${what} failed: ${statusLine}${location}${apiMessage ? ` — ${apiMessage}` : ''}${summarise(fieldErrors)}`;
    throw errorForStatus(raw.status, message, {
      request,
      response,
      apiMessage,
      fieldErrors,
      retryAfterMs,
      reason: { code: 'status' },
    });
  }
  if (notJson) {
    // Redact the whole text first: a cut can split a token so that what is left no longer looks like one.
    const snippet = clean(rawText, ctx.secrets).slice(0, SNIPPET_CHARS);
    throw new InvalidResponseError(
      `${what} answered ${raw.status} with a body that is not JSON: ${JSON.stringify(snippet)}`,
      { request, response, reason: { code: 'notJson' } },
    );
  }
  if (body === undefined || !op.enveloped) return response;
  if (!envelope) {
    throw new InvalidResponseError(
      `${what} answered ${raw.status} without the {success, data, meta} envelope Altegio always sends.`,
      { request, response, reason: { code: 'noEnvelope' } },
    );
  }
  if (envelope.success === false) {
    const { apiMessage, fieldErrors } = reported(envelope, ctx.secrets);
    const message = `${what} answered ${raw.status} but reported a failure${apiMessage ? `: ${apiMessage}` : '.'}${summarise(fieldErrors)}`;
    throw new HttpError(message, { request, response, apiMessage, fieldErrors, reason: { code: 'envelopeFailure' } });
  }
  return response;
}

/**
 * The server's message and field errors, redacted. Only a failure words them: a success never pays for redacting.
 */
function reported(
  envelope: Envelope | undefined,
  secrets: readonly (string | undefined)[],
): { apiMessage: string | undefined; fieldErrors: Record<string, string[]> } {
  return {
    apiMessage: envelope ? clean(metaMessage(envelope.meta), secrets) : undefined,
    fieldErrors: envelope ? metaErrors(envelope.meta, secrets) : {},
  };
}

interface Envelope {
  success: boolean;
  data: unknown;
  meta: unknown;
}

function asEnvelope(body: unknown): Envelope | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  return typeof record.success === 'boolean'
    ? { success: record.success, data: record.data, meta: record.meta }
    : undefined;
}

function metaMessage(meta: unknown): string | undefined {
  const message = isRecord(meta) ? meta.message : undefined;
  return typeof message === 'string' && message.trim() !== '' ? message : undefined;
}

/** `meta.errors` normalised to arrays of strings (Altegio sends arrays; a lone string is accepted too). */
function metaErrors(meta: unknown, secrets: readonly (string | undefined)[]): Record<string, string[]> {
  const errors = isRecord(meta) ? meta.errors : undefined;
  if (!isRecord(errors)) return {};
  const out: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(errors)) {
    const list = (Array.isArray(value) ? value : [value])
      .filter((m) => m !== undefined && m !== null)
      .map((m) => clean(typeof m === 'string' ? m : JSON.stringify(m), secrets));
    if (list.length > 0) out[field] = list;
  }
  return out;
}

function summarise(fieldErrors: Record<string, string[]>): string {
  const entries = Object.entries(fieldErrors);
  return entries.length === 0
    ? ''
    : ` (${entries.map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ')})`;
}

function clean(text: string, secrets: readonly (string | undefined)[]): string;
function clean(text: string | undefined, secrets: readonly (string | undefined)[]): string | undefined;
function clean(text: string | undefined, secrets: readonly (string | undefined)[]): string | undefined {
  return text === undefined ? undefined : redactSecrets(text, secrets);
}
