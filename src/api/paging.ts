// Paged lists, driven by the operation's PagingSpec: page numbers in the query or in the body
// (page/count, page/page_size, page/editable_length), or the visit history's from/to cursors that come
// back in meta. Every page goes through the client, so paging obeys the rate limiter like any request.
import type { OperationSpec, PagingSpec } from './catalog';
import type { AltegioClient } from './client';
import { CancelledError } from './errors';
import type { ApiResponse, RequestInput } from './http-types';
import { isRecord } from './is-record';

/** A server that ignored the page parameter would otherwise be read forever. */
export const DEFAULT_MAX_PAGES = 1000;

export interface FetchAllOptions {
  /** Items per page; clamped to the operation's maxSize. Default: the input's, else the documented default. */
  pageSize?: number;
  /** Stop once this many items are collected (the result is then `truncated`). */
  maxItems?: number;
  maxPages?: number;
  signal?: AbortSignal;
  onProgress?: (p: { page: number; items: number; total?: number }) => void;
}

export interface FetchAllResult {
  items: unknown[];
  pages: number;
  total?: number;
  /** True when maxItems or maxPages stopped the reading while more was available. */
  truncated: boolean;
}

/** The input for page `page` (from 1), optionally with a page size. Only for page-numbered lists. */
export function withPage(input: RequestInput, page: number, size?: number): RequestInput {
  const paging = pagingOf(input.operation);
  if (paging.style !== 'page')
    throw new TypeError(`${input.operation.id} pages with cursors from meta; use nextPageInput.`);
  if (!Number.isInteger(page) || page < 1)
    throw new RangeError(`The page number must be a whole number from 1, not ${page}.`);
  const values: Record<string, unknown> = { [paging.pageParam ?? 'page']: page };
  if (size !== undefined && paging.sizeParam) values[paging.sizeParam] = clampSize(size, paging);
  return withParams(input, paging, values);
}

/** The list's total from meta (`total_count` or `count`, as the operation documents), if given. */
export function readTotal(operation: OperationSpec, response: Pick<ApiResponse, 'meta'>): number | undefined {
  if (!isRecord(response.meta) || !operation.paging) return undefined;
  const raw = response.meta[operation.paging.totalField];
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? raw : undefined;
  return typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
}

/** The rows of one page: `data` itself, or the list inside it (e.g. a category node's `children`). */
export function pageItems(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (isRecord(data)) return (Object.values(data).find(Array.isArray) as unknown[] | undefined) ?? [];
  return [];
}

/** The input for the page after `response`, or undefined when the list is done. */
export function nextPageInput(
  input: RequestInput,
  response: Pick<ApiResponse, 'data' | 'meta'>,
): RequestInput | undefined {
  const paging = pagingOf(input.operation);
  const count = pageItems(response.data).length;
  if (count === 0) return undefined;
  if (paging.style === 'cursor') return nextCursorInput(input, paging, response.meta);
  const params = paramsOf(input, paging);
  const page = positiveInt(params[paging.pageParam ?? 'page']) ?? 1;
  const size = (paging.sizeParam ? positiveInt(params[paging.sizeParam]) : undefined) ?? paging.defaultSize;
  if (size !== undefined && count < size) return undefined;
  const total = readTotal(input.operation, response);
  // Without a known size, this page's length stands for the size of the pages before it.
  const seen = (page - 1) * (size ?? count) + count;
  if (total !== undefined && seen >= total) return undefined;
  return withParams(input, paging, { [paging.pageParam ?? 'page']: page + 1 });
}

/** Reads every page (or up to maxItems / maxPages), cancellable between and during pages. */
export async function fetchAllPages(
  client: Pick<AltegioClient, 'send'>,
  input: RequestInput,
  options: FetchAllOptions = {},
): Promise<FetchAllResult> {
  const paging = pagingOf(input.operation);
  const signal = options.signal ?? input.signal;
  const maxItems = options.maxItems ?? Infinity;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  let current: RequestInput = { ...input, signal };
  if (paging.style === 'page') {
    const params = paramsOf(input, paging);
    const size =
      options.pageSize ?? (paging.sizeParam ? positiveInt(params[paging.sizeParam]) : undefined) ?? paging.defaultSize;
    current = withPage(current, positiveInt(params[paging.pageParam ?? 'page']) ?? 1, size);
  }
  const items: unknown[] = [];
  let pages = 0;
  let total: number | undefined;
  for (;;) {
    if (signal?.aborted) {
      throw new CancelledError(
        `Reading ${input.operation.method} ${input.operation.path} (${input.operation.id}) was cancelled after ${pages} page(s).`,
        { operationId: input.operation.id, sent: pages > 0 },
      );
    }
    const response = await client.send(current);
    pages++;
    const rows = pageItems(response.data);
    total = readTotal(input.operation, response) ?? total;
    const room = maxItems - items.length;
    items.push(...rows.slice(0, room));
    options.onProgress?.({ page: pages, items: items.length, total });
    const next = nextPageInput(current, response);
    if (rows.length > room) return { items, pages, total, truncated: true };
    if (!next) return { items, pages, total, truncated: false };
    if (items.length >= maxItems || pages >= maxPages) return { items, pages, total, truncated: true };
    current = next;
  }
}

function nextCursorInput(input: RequestInput, paging: PagingSpec, meta: unknown): RequestInput | undefined {
  if (!isRecord(meta)) return undefined;
  const current = paramsOf(input, paging);
  const next: Record<string, unknown> = {};
  for (const name of paging.cursorParams ?? []) {
    const value = meta[name];
    if (value !== undefined && value !== null && value !== '') next[name] = value;
  }
  // No cursor, or the same one again: the server has nothing further to give.
  const names = Object.keys(next);
  if (names.length === 0 || names.every((name) => current[name] === next[name])) return undefined;
  return withParams(input, paging, next);
}

function pagingOf(operation: OperationSpec): PagingSpec {
  if (!operation.paging) throw new TypeError(`${operation.id} is not a paged list.`);
  return operation.paging;
}

function paramsOf(input: RequestInput, paging: PagingSpec): Record<string, unknown> {
  const container = paging.in === 'body' ? input.body : input.query;
  return isRecord(container) ? container : {};
}

function withParams(input: RequestInput, paging: PagingSpec, values: Record<string, unknown>): RequestInput {
  if (paging.in === 'query') return { ...input, query: { ...input.query, ...values } };
  if (input.body !== undefined && !isRecord(input.body))
    throw new TypeError(`${input.operation.id} pages in its body, which must be an object.`);
  return { ...input, body: { ...input.body, ...values } };
}

function clampSize(size: number, paging: PagingSpec): number {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`The page size must be a whole number from 1, not ${size}.`);
  return paging.maxSize !== undefined ? Math.min(size, paging.maxSize) : size;
}

function positiveInt(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : undefined;
}
