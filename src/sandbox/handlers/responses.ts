// Results turned into Altegio's answers: the {success, data, meta} envelope, the documented success status,
// and the `meta` of a list.
import type { OperationSpec } from '../../api/catalog';
import type { HandlerContext, HandlerResult } from './handler';

export function envelope(data: unknown, meta: unknown = []): { success: true; data: unknown; meta: unknown } {
  return { success: true, data, meta };
}

/** The operation's documented success answer carrying `data`; 204 operations answer with no body at all. */
export function respond(ctx: HandlerContext, data: unknown, meta: unknown = []): HandlerResult {
  const status = ctx.op.success.status;
  if (status === 204) return { status };
  return { status, body: ctx.op.enveloped ? envelope(data, meta) : data };
}

/** A 202 acknowledgement, as Altegio sends for tag changes and invitations. */
export function accepted(ctx: HandlerContext): HandlerResult {
  return respond(ctx, null, { message: 'Accepted' });
}

/** The `meta` of an unpaged list: the count under the name this operation's documentation uses, if any. */
export function listMeta(op: OperationSpec, total: number): unknown {
  if (op.paging) return { [op.paging.totalField]: total };
  const meta = (op.success.example as { meta?: unknown } | undefined)?.meta;
  if (meta && typeof meta === 'object' && !Array.isArray(meta)) {
    if ('count' in meta) return { count: total };
    if ('total_count' in meta) return { total_count: total };
  }
  return [];
}

export function respondList(ctx: HandlerContext, items: unknown[]): HandlerResult {
  return respond(ctx, items, listMeta(ctx.op, items.length));
}
