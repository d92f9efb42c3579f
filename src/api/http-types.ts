// The plain-data shapes of one exchange with the API: what the caller asks for, what goes on the wire and
// what came back. They live apart from the client so errors can carry them without an import cycle.
import type { HttpMethod, OperationSpec } from './catalog';
import type { AltegioErrorKind } from './error-kind';

export interface RequestInput {
  operation: OperationSpec;
  pathParams?: Record<string, string | number>;
  query?: Record<string, unknown>;
  /** JSON-serialisable for JSON operations; a record of fields (see `MultipartBody`) for multipart ones. */
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** One part of a multipart body as it is described to exports and history (file contents stay out). */
export interface MultipartPart {
  name: string;
  /** The text of a plain field. */
  value?: string;
  /** Set for file parts. */
  filename?: string;
  contentType?: string;
  sizeBytes?: number;
}

export interface PreparedRequest {
  operationId: string;
  method: HttpMethod;
  url: string;
  /** The concrete path without the base URL, e.g. `/loyalty/cards/720441`. */
  path: string;
  headers: Record<string, string>;
  /** The JSON text of the body. */
  body?: string;
  contentType?: string;
  /** The parts of a multipart body (the `Content-Type` header with its boundary is added by fetch). */
  multipart?: MultipartPart[];
}

export interface ApiResponse {
  status: number;
  statusText: string;
  ok: boolean;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** From the request leaving to the last byte of the body, of the final attempt. */
  durationMs: number;
  sizeBytes: number;
  rawText: string;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  /** `envelope.data`, or the whole body for operations documented without the envelope. */
  data: unknown;
  meta: unknown;
  attempts: number;
  /** What was sent, with the Authorization header masked. */
  request: PreparedRequest;
}

interface RequestEventBase {
  method: HttpMethod;
  operationId: string;
  /** The concrete path; never headers, never tokens. */
  path: string;
  attempt: number;
}

/**
 * `start` for each attempt actually sent; `retry` before waiting `delayMs` for attempt number `attempt`;
 * one `end` per send, whose `durationMs` covers every attempt and wait. Requests refused before sending
 * (bad input, missing token) emit nothing.
 */
export type RequestEvent =
  | (RequestEventBase & { phase: 'start' })
  | (RequestEventBase & { phase: 'retry'; delayMs: number; status?: number; errorKind: AltegioErrorKind })
  | (RequestEventBase & {
      phase: 'end';
      status?: number;
      durationMs: number;
      sizeBytes?: number;
      errorKind?: AltegioErrorKind;
    });
