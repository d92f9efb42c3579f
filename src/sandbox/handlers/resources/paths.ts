// What the paths of the OpenAPI document say about the things behind them: which parameters name entities, which
// paths are a collection and its items, which are one settings document. Everything here is read from the paths;
// no operation is named.
import type { Catalog, OperationSpec } from '../../../api/catalog';
import { isTypedReference } from './references';

/** Path parameters that are values (dates, kinds, a phone number), not ids of stored things. */
export const VALUE_PARAMS: ReadonlySet<string> = new Set([
  'start_date',
  'end_date',
  'date',
  'entity_type',
  'entity',
  'field_category',
  'phone',
]);

/**
 * Whether a path parameter is a value rather than an id: one of the names above, or a parameter whose schema is a
 * choice (`enum`) or plain text (ids are integers, or integers that may be written as numerals).
 */
export function isValueParam(op: OperationSpec, name: string): boolean {
  if (VALUE_PARAMS.has(name)) return true;
  const schema = op.parameters.find((p) => p.in === 'path' && p.name === name)?.schema;
  if (!schema) return false;
  if (Array.isArray(schema.enum)) return true;
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t) => t && t !== 'null');
  return types.length > 0 && types.every((t) => t === 'string') && !/\[0-9\]/.test(String(schema.pattern ?? ''));
}

/** A path with literal segments in the singular and parameters blanked: /clients/{location_id} → clients/{}. */
export function pathShape(path: string): string {
  return segments(path)
    .map((s) => (isParam(s) ? '{}' : singular(s)))
    .join('/');
}

export function paramNames(path: string): string[] {
  return segments(path)
    .filter(isParam)
    .map((s) => s.slice(1, -1));
}

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function singular(segment: string): string {
  if (segment.endsWith('ies')) return `${segment.slice(0, -3)}y`;
  if (segment.endsWith('ss')) return segment;
  return segment.endsWith('s') ? segment.slice(0, -1) : segment;
}

function parentPath(path: string): string {
  return `/${segments(path).slice(0, -1).join('/')}`;
}

function lastSegment(path: string): string {
  return segments(path).pop() ?? '';
}

/** How the generic engine answers an operation. */
export type ResourceRole =
  /** GET of a collection's items (or of every collection below this path). */
  | { kind: 'list'; families: string[] }
  /** POST of a new item. */
  | { kind: 'create'; family: string }
  | { kind: 'read' | 'update' | 'delete'; family: string; itemParam: string }
  /** POST/GET on `…/{item_id}/verb`: a named change of one item. */
  | { kind: 'action'; family: string; itemParam: string; verb: string }
  /** The one document at this path for its owners (settings, a report, a preference). */
  | { kind: 'document'; family: string };

export interface ResourcePlan {
  role(op: OperationSpec): ResourceRole;
  /** The path parameters that own an entity of a collection (those of the collection's path). */
  scopeParams(family: string): string[] | undefined;
  /** The collections whose item id a path parameter is, by path: e.g. schedule_id → company/{}/schedule. */
  itemParams(op: OperationSpec): { param: string; family: string; scopeParams: string[] }[];
}

/**
 * Reads the collections off the document's paths. A path ending in an id parameter that is not a reference to a
 * typed entity (a client, a team member…) is an item; the path without it is its collection.
 */
export function planResources(catalog: Catalog): ResourcePlan {
  const itemFamilies = new Map<string, { itemParam: string; scopeParams: string[] }>();
  const valueParams = new Set(VALUE_PARAMS);
  for (const op of catalog.operations)
    for (const name of paramNames(op.path)) if (isValueParam(op, name)) valueParams.add(name);
  const isItemPath = (path: string) => {
    const last = lastSegment(path);
    if (!isParam(last)) return false;
    const name = last.slice(1, -1);
    return !valueParams.has(name) && !isTypedReference(name);
  };
  // Every id parameter that is not a typed reference makes the path before it a collection of such items, whether
  // the path ends there or goes on (…/settings/{settings_id}/enable).
  for (const op of catalog.operations) {
    const parts = segments(op.path);
    parts.forEach((part, i) => {
      if (!isParam(part)) return;
      const name = part.slice(1, -1);
      if (valueParams.has(name) || isTypedReference(name)) return;
      const collection = `/${parts.slice(0, i).join('/')}`;
      itemFamilies.set(pathShape(collection), { itemParam: name, scopeParams: paramNames(collection) });
    });
  }

  const role = (op: OperationSpec): ResourceRole => {
    if (isItemPath(op.path)) {
      const family = pathShape(parentPath(op.path));
      const itemParam = lastSegment(op.path).slice(1, -1);
      if (op.method === 'GET') return { kind: 'read', family, itemParam };
      if (op.method === 'DELETE') return { kind: 'delete', family, itemParam };
      return { kind: 'update', family, itemParam };
    }
    const shape = pathShape(op.path);
    const parent = parentPath(op.path);
    if (isItemPath(parent) && !isParam(lastSegment(op.path)) && !itemFamilies.has(shape)) {
      return {
        kind: 'action',
        family: pathShape(parentPath(parent)),
        itemParam: lastSegment(parent).slice(1, -1),
        verb: lastSegment(op.path),
      };
    }
    if (itemFamilies.has(shape)) {
      if (op.method === 'POST') return { kind: 'create', family: shape };
      if (op.method === 'GET') return { kind: 'list', families: [shape] };
    }
    if (op.method === 'GET') {
      const below = [...itemFamilies.keys()].filter((f) => f.startsWith(`${shape}/`));
      if (below.length) return { kind: 'list', families: below };
    }
    return { kind: 'document', family: shape };
  };

  const itemParams = (op: OperationSpec) => {
    const out: { param: string; family: string; scopeParams: string[] }[] = [];
    const parts = segments(op.path);
    for (let i = 0; i < parts.length; i++) {
      if (!isParam(parts[i])) continue;
      const collection = `/${parts.slice(0, i).join('/')}`;
      const family = itemFamilies.get(pathShape(collection));
      const name = parts[i].slice(1, -1);
      if (family && family.itemParam === name)
        out.push({ param: name, family: pathShape(collection), scopeParams: family.scopeParams });
    }
    return out;
  };

  return { role, itemParams, scopeParams: (family) => itemFamilies.get(family)?.scopeParams };
}
