// What the viewer shows about one exchange, from a live exchange or from a history entry after a reload:
// status line, headers, the body (unless it is over the size threshold), the masked request as cURL and
// .http, the explained error and whether the list can be paged. Passwords and tokens are masked throughout.
import type { OperationSpec } from '../../api/catalog';
import type { AltegioError } from '../../api/errors';
import { toCurl, toHttpFile } from '../../api/export';
import type { PreparedRequest, RequestInput } from '../../api/http-types';
import { nextPageInput, readTotal } from '../../api/paging';
import { maskRequest } from '../../api/request-builder';
import { maskSensitiveFields } from '../../api/sensitive';
import type { HistoryEntry, StoredResponse } from '../../services/history-store';
import type { Exchange } from '../../services/request-pipeline';
import type { CombinedView, PagingView, ResponseView } from '../../protocol/response-protocol';
import { explainError } from './error-advice';
import { isRecord } from '../../api/is-record';

/** One exchange as the viewer holds it, whether it just happened or was read back from the history. */
export interface Shown {
  operation: OperationSpec;
  input?: RequestInput;
  environment: string;
  time: string;
  status?: number;
  statusText?: string;
  ok: boolean;
  headers: Record<string, string>;
  /** The parsed body; undefined when there was none or it was not kept. */
  body?: unknown;
  bodyKept: boolean;
  data?: unknown;
  meta?: unknown;
  durationMs?: number;
  sizeBytes?: number;
  attempts?: number;
  /** What was sent, Authorization already masked. */
  request?: PreparedRequest;
  error?: AltegioError;
  historyId?: string;
  combined?: CombinedView;
}

export function fromExchange(exchange: Exchange): Shown {
  const r = exchange.response;
  return {
    operation: exchange.operation,
    input: exchange.input,
    environment: exchange.environment.label,
    time: exchange.startedAt,
    ok: !!r && r.ok && !exchange.error,
    headers: r?.headers ?? {},
    bodyKept: true,
    ...(r
      ? {
          status: r.status,
          statusText: r.statusText,
          body: r.body,
          data: r.data,
          meta: r.meta,
          durationMs: r.durationMs,
          sizeBytes: r.sizeBytes,
          attempts: r.attempts,
        }
      : {}),
    ...((exchange.request ?? r?.request) ? { request: exchange.request ?? r?.request } : {}),
    ...(exchange.error ? { error: exchange.error } : {}),
    ...(exchange.historyId ? { historyId: exchange.historyId } : {}),
  };
}

export function fromHistory(
  entry: HistoryEntry,
  stored: StoredResponse | undefined,
  operation: OperationSpec,
  environment: string,
): Shown {
  const body = stored?.body;
  const enveloped = operation.enveloped && isRecord(body);
  return {
    operation,
    input: {
      operation,
      pathParams: entry.pathParams,
      query: entry.query,
      ...(entry.body !== undefined ? { body: entry.body } : {}),
    },
    environment,
    time: entry.time,
    ...(entry.status !== undefined ? { status: entry.status } : {}),
    ok: entry.status !== undefined && entry.status < 300 && !entry.errorKind,
    headers: stored?.headers ?? {},
    body,
    bodyKept: !!stored,
    data: enveloped ? (body as Record<string, unknown>).data : body,
    meta: enveloped ? (body as Record<string, unknown>).meta : undefined,
    ...(entry.durationMs !== undefined ? { durationMs: entry.durationMs } : {}),
    ...(entry.sizeBytes !== undefined ? { sizeBytes: entry.sizeBytes } : {}),
    historyId: entry.id,
  };
}

/**
 * The same exchange showing every item of a list read page after page. It keeps the history id of the page
 * it started from: that is what a restored viewer shows after a reload (the pages read on were never kept).
 */
export function withAllItems(shown: Shown, items: unknown[], combined: CombinedView, sizeBytes: number): Shown {
  return { ...shown, body: items, data: items, meta: undefined, sizeBytes, combined };
}

export function pagingOf(shown: Shown): PagingView | undefined {
  const op = shown.operation;
  if (!op.paging || !op.readOnly || !shown.ok || !shown.input || shown.combined) return undefined;
  let canNext = false;
  try {
    canNext = nextPageInput(shown.input, { data: shown.data, meta: shown.meta }) !== undefined;
  } catch {
    canNext = false;
  }
  const total = readTotal(op, { meta: shown.meta });
  return { canNext, canFetchAll: canNext, ...(total !== undefined ? { total } : {}) };
}

export interface ViewOptions {
  title: string;
  thresholdBytes: number;
  /** The request as it would be sent, for exports when the exchange kept none (a restored panel). */
  prepared?: PreparedRequest;
}

export function buildView(shown: Shown, options: ViewOptions): ResponseView {
  const op = shown.operation;
  const request = maskedRequest(shown.request ?? options.prepared);
  const hasBody = shown.body !== undefined && shown.body !== null && shown.body !== '';
  const tooLarge = (shown.sizeBytes ?? 0) > options.thresholdBytes;
  const bodyState = !shown.bodyKept ? 'unavailable' : !hasBody ? 'empty' : tooLarge ? 'tooLarge' : 'included';
  const paging = pagingOf(shown);
  return {
    title: options.title,
    operationId: op.id,
    method: op.method,
    path: request?.path ?? op.path,
    url: request?.url ?? op.path,
    environment: shown.environment,
    time: shown.time,
    ...(shown.status !== undefined ? { status: shown.status } : {}),
    ...(shown.statusText ? { statusText: shown.statusText } : {}),
    ok: shown.ok,
    ...(shown.durationMs !== undefined ? { durationMs: shown.durationMs } : {}),
    ...(shown.sizeBytes !== undefined ? { sizeBytes: shown.sizeBytes } : {}),
    ...(shown.attempts !== undefined ? { attempts: shown.attempts } : {}),
    responseHeaders: Object.entries(shown.headers).sort(([a], [b]) => a.localeCompare(b)),
    requestHeaders: request ? Object.entries(request.headers) : [],
    bodyState,
    ...(bodyState === 'included' ? { body: maskSensitiveFields(shown.body) } : {}),
    dataPath: !shown.combined && op.enveloped && isRecord(shown.body) && 'data' in shown.body ? 'data' : '',
    ...(request?.body !== undefined ? { requestBody: request.body } : {}),
    curl: request ? toCurl(request) : '',
    http: request ? toHttpFile(request, { title: options.title }) : '',
    ...(shown.error ? { error: explainError(shown.error, request?.path ?? op.path, op.method) } : {}),
    ...(paging ? { paging } : {}),
    ...(shown.combined ? { combined: shown.combined } : {}),
    ...(shown.historyId ? { historyId: shown.historyId } : {}),
    largeThresholdBytes: options.thresholdBytes,
  };
}

/** The request with its Authorization masked and any password or token in its JSON body masked too. */
function maskedRequest(request: PreparedRequest | undefined): PreparedRequest | undefined {
  if (!request) return undefined;
  const masked = maskRequest(request);
  if (masked.body === undefined) return masked;
  try {
    return { ...masked, body: JSON.stringify(maskSensitiveFields(JSON.parse(masked.body))) };
  } catch {
    return masked;
  }
}
