// What every operation handler receives and returns, and the helpers that turn results into Altegio's answers:
// the {success, data, meta} envelope, the documented success status, and typed API errors.
import type { OperationSpec } from '../../api/catalog';
import type { User } from '../model';
import type { Store } from '../store';

export interface HandlerContext {
  op: OperationSpec;
  /** Validated and converted to their declared types. */
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  /** Parsed JSON (or the fields of a multipart body); undefined when none was sent. */
  body: unknown;
  store: Store;
  /** The user whose token came with the request, if any. */
  user: User | undefined;
}

export interface HandlerResult {
  status: number;
  /** A JSON value; undefined for an empty body (204). */
  body?: unknown;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;

/** An error answer with Altegio's envelope: `meta.message` and, for field problems, `meta.errors`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function notFound(what: string, id: unknown): ApiError {
  return new ApiError(404, `${what} ${String(id)} not found.`);
}

/** A semantic problem with one field (422), e.g. a duplicate card number. */
export function fieldProblem(field: string, message: string): ApiError {
  return new ApiError(422, message, { [field]: [message] });
}

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

/** A path parameter the schema declares as an integer (validation has already converted it). */
export function idParam(ctx: HandlerContext, name: string): number {
  return ctx.pathParams[name] as number;
}

/** The body as an object; validation guarantees the shape for operations that declare one. */
export function bodyOf(ctx: HandlerContext): Record<string, unknown> {
  const body = ctx.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Digits only: "+1 315 555-0179" and 13155550179 both become "13155550179". */
export function phoneDigits(value: unknown): string {
  return String(value ?? '').replace(/[^0-9]/g, '');
}

export function has(obj: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
}
