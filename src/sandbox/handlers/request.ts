// What a handler reads from a validated request: path ids and the record they name, the body, a field's
// presence, phone digits.
import type { CollectionName, Entities } from '../model';
import { notFound } from './errors';
import type { HandlerContext } from './handler';

/** The collections whose records belong to one location. */
export type LocationCollection = {
  [K in CollectionName]: Entities[K] extends { location_id: number } ? K : never;
}[CollectionName];

/** A path parameter the schema declares as an integer (validation has already converted it). */
export function idParam(ctx: HandlerContext, name: string): number {
  return ctx.pathParams[name] as number;
}

/**
 * The record of `collection` whose id is path parameter `param`, when `belongs` accepts it; otherwise a 404
 * "<what> <id> not found.", as Altegio answers for a record of another location or chain.
 */
export function pathRecord<K extends CollectionName>(
  ctx: HandlerContext,
  collection: K,
  param: string,
  what: string,
  belongs: (record: Entities[K]) => boolean,
): Entities[K] {
  const id = idParam(ctx, param);
  const record = ctx.store.get(collection, id);
  if (!record || !belongs(record)) throw notFound(what, id);
  return record;
}

/** The record of `collection` whose id is path parameter `param`, when it belongs to the location in the path. */
export function locationRecord<K extends LocationCollection>(
  ctx: HandlerContext,
  collection: K,
  param: string,
  what: string,
): Entities[K] {
  return pathRecord(ctx, collection, param, what, (r) => r.location_id === idParam(ctx, 'location_id'));
}

/** The ids a list query names in `ids`, given once or repeated. */
export function queryIds(ctx: HandlerContext): Set<number> {
  const ids = ctx.query.ids;
  return new Set((Array.isArray(ids) ? ids : [ids]).map(Number));
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
