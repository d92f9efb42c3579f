// Records a chain owns: the chain a path names (directly or through its location), and the create, read, update
// and delete handlers that the chain's collections of loyalty terms (membership types, gift card types, programs)
// share.
import type { CollectionName, Entities } from '../model';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, idParam, pathRecord } from './request';
import { respond } from './responses';

/** The collections whose records belong to one chain. */
export type ChainCollection = {
  [K in CollectionName]: Entities[K] extends { chain_id: number } ? K : never;
}[CollectionName];

/** The chain of the path: its `chain_id`, or the chain of its `location_id`. */
export function chainOf(ctx: HandlerContext): number {
  if (ctx.pathParams.chain_id !== undefined) return idParam(ctx, 'chain_id');
  return ctx.store.get('locations', idParam(ctx, 'location_id'))!.chain_id;
}

/** Whether a record belongs to the chain of the path (asked only once the record is found). */
export function inChainOf(ctx: HandlerContext): (record: { chain_id: number }) => boolean {
  return (record) => record.chain_id === chainOf(ctx);
}

export interface ChainRecordsSpec<K extends ChainCollection> {
  collection: K;
  /** The path parameter that names one record. */
  param: string;
  /** How a 404 names the record: "<what> <id> not found.". */
  what: string;
  /** A new record's values wherever the body gives none. */
  defaults: Omit<Entities[K], 'id' | 'chain_id'>;
  /** The fields a body sets, checked against the record they change (none on create); throws a field problem. */
  fields(body: Record<string, unknown>, current: Entities[K] | undefined, ctx: HandlerContext): Partial<Entities[K]>;
  /** The record as the API shows it. */
  view(record: Entities[K]): unknown;
}

export interface ChainRecords<K extends ChainCollection> {
  /** The record the path names when it belongs to the path's chain; otherwise a 404. */
  recordOf(ctx: HandlerContext): Entities[K];
  /** Checks the body, then stores a new record of the path's chain and answers with its view. */
  create: Handler;
  read: Handler;
  /** Changes only the fields the body gives and answers with the record's new view. */
  update: Handler;
  /** Removes the record and answers with no data. */
  delete: Handler;
}

/** The create, read, update and delete handlers of a collection whose records belong to one chain. */
export function chainRecords<K extends ChainCollection>(spec: ChainRecordsSpec<K>): ChainRecords<K> {
  const { collection, view } = spec;
  const recordOf = (ctx: HandlerContext): Entities[K] =>
    pathRecord(ctx, collection, spec.param, spec.what, inChainOf(ctx));
  return {
    recordOf,
    create(ctx) {
      const fields = spec.fields(bodyOf(ctx), undefined, ctx);
      // The spread of a generic record is not narrowed to Entities[K]; `defaults` supplies every other field.
      const record = {
        id: ctx.store.nextId(collection),
        chain_id: chainOf(ctx),
        ...spec.defaults,
        ...fields,
      } as Entities[K];
      return respond(ctx, view(ctx.store.insert(collection, record)));
    },
    read(ctx) {
      return respond(ctx, view(recordOf(ctx)));
    },
    update(ctx) {
      const current = recordOf(ctx);
      return respond(ctx, view(ctx.store.update(collection, current.id, spec.fields(bodyOf(ctx), current, ctx))!));
    },
    delete(ctx) {
      ctx.store.remove(collection, recordOf(ctx).id);
      return respond(ctx, null);
    },
  };
}
