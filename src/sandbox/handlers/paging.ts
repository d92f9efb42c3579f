// Paging the way each Altegio list does it, read from the operation's `x-altegio-paging`: page/count in the
// query, page/page_size in the body, and the total under meta.total_count or meta.count.
import { ApiError } from './errors';
import type { HandlerContext, HandlerResult } from './handler';
import { bodyOf } from './request';
import { respond, respondList } from './responses';

/** The size Altegio uses when a list documents a size parameter but no default. */
const FALLBACK_PAGE_SIZE = 25;

export interface Page<T> {
  items: T[];
  meta: Record<string, number>;
}

export function paginate<T>(ctx: HandlerContext, all: T[]): Page<T> {
  const spec = ctx.op.paging;
  if (!spec || spec.style !== 'page') return { items: all, meta: { total_count: all.length } };
  const source = spec.in === 'body' ? bodyOf(ctx) : ctx.query;
  const page = positive(source[spec.pageParam ?? 'page'], spec.pageParam ?? 'page') ?? 1;
  let size = spec.sizeParam ? positive(source[spec.sizeParam], spec.sizeParam) : undefined;
  size ??= spec.defaultSize ?? FALLBACK_PAGE_SIZE;
  // Altegio caps oversized pages rather than refusing them.
  if (spec.maxSize) size = Math.min(size, spec.maxSize);
  const start = (page - 1) * size;
  return { items: all.slice(start, start + size), meta: { [spec.totalField]: all.length } };
}

/**
 * Answers with one page of the list, or the whole list for operations that do not page. `view` turns a stored
 * entity into its answer shape; it only runs for the items on the page.
 */
export function respondPage<T>(
  ctx: HandlerContext,
  all: T[],
  view: (item: T) => unknown = (item) => item,
): HandlerResult {
  if (!ctx.op.paging) return respondList(ctx, all.map(view));
  const { items, meta } = paginate(ctx, all);
  return respond(ctx, items.map(view), meta);
}

function positive(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new ApiError(400, `${name} must be a whole number of at least 1`, {
      [name]: [`${name} must be a whole number of at least 1`],
    });
  return n;
}
