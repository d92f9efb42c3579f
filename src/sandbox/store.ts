// The sandbox's in-memory state: one id-keyed map per collection, kept in insertion order, with change
// notification so persistence can journal every write, and indexes derived from collections that are rebuilt only
// after those collections change. Handlers read and write only through this class. Every value is serialised before
// it is stored, so nothing is ever kept that could not be saved or sent again.
import { COLLECTION_NAMES, STATE_VERSION, type CollectionName, type Entities, type SandboxState } from './model';

type Maps = { [K in CollectionName]: Map<number, Entities[K]> };

/** One write, with the JSON text of what was written (made before the store changed). */
export type StoreChange =
  | { kind: 'put'; collection: CollectionName; id: number; json: string }
  | { kind: 'delete'; collection: CollectionName; id: number }
  | { kind: 'replace'; json: string };

/** A value the store refused because it cannot be written as JSON (too deep, a cycle, a BigInt…). */
export class UnserialisableValueError extends Error {
  constructor(what: string, cause: unknown) {
    super(`${what} cannot be stored: it cannot be written as JSON (${(cause as Error).message}).`, { cause });
    this.name = 'UnserialisableValueError';
  }
}

export class Store {
  private maps!: Maps;
  private readonly maxIds = new Map<CollectionName, number>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  /** Bumped on every change of a collection, so derived indexes know when they are stale. */
  private readonly versions = new Map<CollectionName, number>();
  private readonly indexes = new Map<string, { stamp: string; value: unknown }>();

  /** `usedIds`: the highest id each collection ever used, when that is more than its items show (some were deleted). */
  constructor(state: SandboxState, usedIds: Partial<Record<CollectionName, number>> = {}) {
    this.load(state);
    for (const [name, id] of Object.entries(usedIds) as [CollectionName, number][])
      if (id > (this.maxIds.get(name) ?? 0)) this.maxIds.set(name, id);
  }

  /** Replaces everything (a reset to the seed, or state read from a data file). */
  replace(state: SandboxState): void {
    const json = serialise('The state', { version: STATE_VERSION, collections: state.collections });
    this.load(state);
    this.changed({ kind: 'replace', json });
  }

  list<K extends CollectionName>(name: K): Entities[K][] {
    return [...this.maps[name].values()];
  }

  get<K extends CollectionName>(name: K, id: number): Entities[K] | undefined {
    return this.maps[name].get(id);
  }

  find<K extends CollectionName>(name: K, predicate: (item: Entities[K]) => boolean): Entities[K] | undefined {
    for (const item of this.maps[name].values()) if (predicate(item)) return item;
    return undefined;
  }

  filter<K extends CollectionName>(name: K, predicate: (item: Entities[K]) => boolean): Entities[K][] {
    const out: Entities[K][] = [];
    for (const item of this.maps[name].values()) if (predicate(item)) out.push(item);
    return out;
  }

  /**
   * A value computed from some collections (an index, a count), kept until one of them changes. `key` names the
   * computation; it must always be used with the same `from` and `compute`.
   */
  derived<T>(key: string, from: readonly CollectionName[], compute: () => T): T {
    const stamp = from.map((name) => this.versions.get(name) ?? 0).join(',');
    const cached = this.indexes.get(key);
    if (cached && cached.stamp === stamp) return cached.value as T;
    const value = compute();
    this.indexes.set(key, { stamp, value });
    return value;
  }

  /** The next free id: one above the highest ever used in the collection, so deleted ids are never reused. */
  nextId(name: CollectionName): number {
    const next = (this.maxIds.get(name) ?? 0) + 1;
    this.maxIds.set(name, next);
    return next;
  }

  insert<K extends CollectionName>(name: K, item: Entities[K]): Entities[K] {
    const json = serialise(`${name} ${item.id}`, item);
    this.maps[name].set(item.id, item);
    if (item.id > (this.maxIds.get(name) ?? 0)) this.maxIds.set(name, item.id);
    this.changed({ kind: 'put', collection: name, id: item.id, json });
    return item;
  }

  update<K extends CollectionName>(name: K, id: number, patch: Partial<Entities[K]>): Entities[K] | undefined {
    const current = this.maps[name].get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch, id } as Entities[K];
    const json = serialise(`${name} ${id}`, next);
    this.maps[name].set(id, next);
    this.changed({ kind: 'put', collection: name, id, json });
    return next;
  }

  remove(name: CollectionName, id: number): boolean {
    const removed = this.maps[name].delete(id);
    if (removed) this.changed({ kind: 'delete', collection: name, id });
    return removed;
  }

  /**
   * The state as JSON text (serialised in one synchronous step, so it is consistent without a copy), with `extra`
   * fields after the version (persistence records which journal line the snapshot includes) and the highest id each
   * collection ever used, so that ids of deleted entities are not given out again after a restart.
   */
  toJson(extra: Record<string, unknown> = {}): string {
    const collections: Record<string, unknown[]> = {};
    for (const name of COLLECTION_NAMES) collections[name] = [...this.maps[name].values()];
    return JSON.stringify({ version: STATE_VERSION, ...extra, usedIds: Object.fromEntries(this.maxIds), collections });
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private load(state: SandboxState): void {
    const maps = {} as Record<CollectionName, Map<number, { id: number }>>;
    this.maxIds.clear();
    for (const name of COLLECTION_NAMES) {
      // The store takes ownership of the state it is given: callers pass a fresh copy (seed clone, parsed file).
      const items = state.collections[name] as { id: number }[];
      maps[name] = new Map(items.map((item) => [item.id, item]));
      this.maxIds.set(
        name,
        items.reduce((max, item) => Math.max(max, item.id), 0),
      );
    }
    this.maps = maps as unknown as Maps;
  }

  private changed(change: StoreChange): void {
    const names = change.kind === 'replace' ? COLLECTION_NAMES : [change.collection];
    for (const name of names) this.versions.set(name, (this.versions.get(name) ?? 0) + 1);
    for (const listener of this.listeners) listener(change);
  }
}

function serialise(what: string, value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (e) {
    throw new UnserialisableValueError(what, e);
  }
}
