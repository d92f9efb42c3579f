// The document-derived records in the store: entities of a collection found by family, owner scope and id, and
// the one document of a path. Lookups go through an index rebuilt only after records change.
import type { StoredRecord } from '../../model';
import type { Store } from '../../store';

/** The owners of a record: the path values that precede it, e.g. "720441/4240788". */
export function scopeOf(params: Record<string, unknown>, names: readonly string[]): string {
  return names.map((n) => String(params[n] ?? '')).join('/');
}

interface RecordIndex {
  byFamily: Map<string, StoredRecord[]>;
  maxIdByFamily: Map<string, number>;
}

function index(store: Store): RecordIndex {
  return store.derived('records.byFamily', ['records'], () => {
    const byFamily = new Map<string, StoredRecord[]>();
    const maxIdByFamily = new Map<string, number>();
    for (const r of store.list('records')) {
      const list = byFamily.get(r.family);
      if (list) list.push(r);
      else byFamily.set(r.family, [r]);
      const id = entityId(r);
      if (id !== undefined) maxIdByFamily.set(r.family, Math.max(maxIdByFamily.get(r.family) ?? 0, id));
    }
    return { byFamily, maxIdByFamily };
  });
}

export function entityId(record: StoredRecord): number | undefined {
  if (record.document) return undefined;
  const id = (record.data as { id?: unknown }).id;
  return typeof id === 'number' ? id : undefined;
}

/** The entities of the families whose scope is `scope` or lies below it. */
export function entitiesOf(store: Store, families: readonly string[], scope: string): StoredRecord[] {
  const out: StoredRecord[] = [];
  for (const family of families) {
    for (const r of index(store).byFamily.get(family) ?? []) {
      if (!r.document && (r.scope === scope || r.scope.startsWith(`${scope}/`) || scope === '')) out.push(r);
    }
  }
  return out;
}

export function entityOf(store: Store, family: string, scope: string, id: number): StoredRecord | undefined {
  return (index(store).byFamily.get(family) ?? []).find((r) => !r.document && r.scope === scope && entityId(r) === id);
}

export function documentOf(store: Store, family: string, scope: string): StoredRecord | undefined {
  return (index(store).byFamily.get(family) ?? []).find((r) => r.document && r.scope === scope);
}

/**
 * Stores a new entity of a family and gives it its public id: the record's own id (which the store never hands
 * out twice), or one above the family's highest id if that is higher, so an id is never seen twice in a family.
 */
export function insertEntity(
  store: Store,
  family: string,
  scope: string,
  data: Record<string, unknown>,
): { record: StoredRecord; id: number } {
  const recordId = store.nextId('records');
  const id = Math.max(recordId, (index(store).maxIdByFamily.get(family) ?? 0) + 1);
  const record = store.insert('records', {
    id: recordId,
    family,
    scope,
    document: false,
    data: Object.assign({ id }, data, { id }),
  });
  return { record, id };
}

export function saveDocument(store: Store, family: string, scope: string, data: unknown): StoredRecord {
  const current = documentOf(store, family, scope);
  if (current) return store.update('records', current.id, { data })!;
  return store.insert('records', { id: store.nextId('records'), family, scope, document: true, data });
}
