// Probes that tell a stateful answer from a canned one, derived from the OpenAPI document alone: which path
// parameters name entities, which operations create, update or delete something and which operation reads it back.
import { isDeepStrictEqual } from 'util';
import type { Catalog, JsonSchema, OperationSpec, ParameterSpec } from '../../src/api/catalog';
import type { SandboxHandle } from '../../src/sandbox';
import { exampleRequest, send, type RawResponse } from './sandbox-support';

/** Path parameters that are values rather than references to a stored entity. */
const VALUE_PATH_PARAMS = new Set([
  'start_date',
  'end_date',
  'date',
  'entity_type',
  'entity',
  'field_category',
  'phone',
]);

/** An id no seeded or created entity has (it passes the schemas: a positive integer, or digits in a string). */
export const UNKNOWN_ID = 9876543;

/** Path parameters that name stored things: not the values above, not a choice (`enum`), not plain text. */
export function entityPathParams(op: OperationSpec): ParameterSpec[] {
  return op.parameters.filter((p) => {
    if (p.in !== 'path' || VALUE_PATH_PARAMS.has(p.name) || Array.isArray(p.schema.enum)) return false;
    const types = (Array.isArray(p.schema.type) ? p.schema.type : [p.schema.type]).filter((t) => t && t !== 'null');
    return !types.every((t) => t === 'string');
  });
}

export function unknownValue(p: ParameterSpec): string | number {
  return p.schema.type === 'string' ? String(UNKNOWN_ID) : UNKNOWN_ID;
}

/** Whether a documented example carries data (an answer of `null`, `[]` or `{}` tells nothing about the input). */
export function hasMeaningfulData(op: OperationSpec): boolean {
  const example = op.success.example as Record<string, unknown> | undefined;
  if (example === undefined || op.success.status === 204) return false;
  const data = op.enveloped ? example.data : example;
  if (data === null || data === undefined) return false;
  if (Array.isArray(data)) return data.length > 0;
  if (typeof data === 'object') {
    const keys = Object.keys(data).filter((k) => k !== 'success');
    return keys.length > 0;
  }
  return true;
}

export interface CannedVerdict {
  op: OperationSpec;
  reasons: string[];
}

/**
 * Why an operation's answer does not depend on its input, if it does not: it answers with the document's own
 * (non-empty) example, or it answers success for an entity id in the path that nothing has, or a read answers
 * with no data at all. Each probe starts from the seed business.
 */
export async function cannedReasons(sandbox: SandboxHandle, op: OperationSpec): Promise<string[]> {
  const reasons: string[] = [];
  await sandbox.reset();
  const res = await sendExample(sandbox, op);
  const ok = res.status >= 200 && res.status < 300;
  if (!ok) reasons.push(`the example request answered ${res.status}: ${res.text.slice(0, 200)}`);
  if (
    ok &&
    hasMeaningfulData(op) &&
    isDeepStrictEqual(res.json, op.success.example) &&
    !(await dependsOnInput(sandbox, op, res))
  )
    reasons.push("answers the document's example");
  if (ok && op.method === 'GET' && op.enveloped && (res.json as { data?: unknown } | undefined)?.data == null)
    reasons.push('a read that answers no data');
  for (const p of entityPathParams(op)) {
    await sandbox.reset();
    const unknown = await sendExample(sandbox, op, { [p.name]: unknownValue(p) });
    if (unknown.status !== 404) reasons.push(`${p.name} ${UNKNOWN_ID} (unknown) answered ${unknown.status}, not 404`);
  }
  return reasons;
}

/**
 * Whether another input changes the answer: the body with one value changed, or a path value (a phone number,
 * a date) changed. An answer that equals the document's example can still be computed from the request.
 */
async function dependsOnInput(sandbox: SandboxHandle, op: OperationSpec, first: RawResponse): Promise<boolean> {
  const example = exampleRequest(op);
  const marked = markBody(example.body, op.requestBody?.schema, 'variant');
  const variants: { path?: Record<string, unknown>; body?: unknown }[] = [];
  if (marked) variants.push({ body: marked.body });
  for (const p of op.parameters.filter((x) => x.in === 'path' && VALUE_PATH_PARAMS.has(x.name))) {
    const value = p.name === 'phone' ? '12345' : /date/.test(p.name) ? '2026-03-06' : 'record';
    variants.push({ path: { [p.name]: value } });
  }
  for (const variant of variants) {
    await sandbox.reset();
    const res = await sendExample(sandbox, op, variant.path, variant.body);
    if (res.status !== first.status || res.text !== first.text) return true;
  }
  return false;
}

export function sendExample(
  sandbox: SandboxHandle,
  op: OperationSpec,
  pathParams: Record<string, unknown> = {},
  body?: unknown,
): Promise<RawResponse> {
  const req = exampleRequest(op, pathParams);
  return send(sandbox, {
    method: req.method,
    path: req.path,
    body: body ?? req.body,
    rawBody: body === undefined ? req.rawBody : undefined,
    auth: req.auth,
  });
}

// ---- Which operation reads back what another one wrote, from path shapes -------------------------------------

/** A path with literal segments in the singular and parameters blanked: /clients/{location_id} → client/{}. */
export function pathShape(path: string): string {
  return path
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith('{') ? '{}' : singular(s)))
    .join('/');
}

function singular(segment: string): string {
  if (segment.endsWith('ies')) return `${segment.slice(0, -3)}y`;
  if (segment.endsWith('ss')) return segment;
  return segment.endsWith('s') ? segment.slice(0, -1) : segment;
}

function lastParam(op: OperationSpec): string | undefined {
  const last = op.path.split('/').pop() ?? '';
  return last.startsWith('{') ? last.slice(1, -1) : undefined;
}

/** Reads of one stored thing: a GET whose path ends with an entity id, or a GET of a singleton (settings). */
function isItemRead(op: OperationSpec): boolean {
  const last = lastParam(op);
  return op.method === 'GET' && last !== undefined && !VALUE_PATH_PARAMS.has(last);
}

export interface WritePlan {
  /** POSTs to a collection that has item operations: the created entity can be found again. */
  creates: { op: OperationSpec; read?: OperationSpec; list?: OperationSpec; remove?: OperationSpec }[];
  /** PUT/PATCH (and POST on an item) with a GET of the same thing. */
  updates: { op: OperationSpec; read: OperationSpec }[];
  /** DELETEs of an item, read back by GET or by a second DELETE. */
  deletes: { op: OperationSpec; read?: OperationSpec }[];
}

export function writePlan(catalog: Catalog): WritePlan {
  const byShape = new Map<string, OperationSpec[]>();
  for (const op of catalog.operations) {
    const key = pathShape(op.path);
    byShape.set(key, [...(byShape.get(key) ?? []), op]);
  }
  const at = (shape: string, method: string, item = false) =>
    (byShape.get(shape) ?? []).find((o) => o.method === method && (!item || isItemRead(o) || method !== 'GET'));
  const plan: WritePlan = { creates: [], updates: [], deletes: [] };
  for (const op of catalog.operations) {
    const shape = pathShape(op.path);
    if (op.method === 'POST' && (byShape.get(`${shape}/{}`) ?? []).length) {
      const items = `${shape}/{}`;
      plan.creates.push({
        op,
        read: at(items, 'GET', true),
        list: (byShape.get(shape) ?? []).find((o) => o.method === 'GET'),
        remove: at(items, 'DELETE'),
      });
      continue;
    }
    if (op.method === 'PUT' || op.method === 'PATCH' || (op.method === 'POST' && lastParam(op))) {
      const read = (byShape.get(shape) ?? []).find(
        (o) => o.method === 'GET' && (isItemRead(o) || lastParam(o) === lastParam(op)),
      );
      if (read) plan.updates.push({ op, read });
      continue;
    }
    if (op.method === 'DELETE' && lastParam(op)) plan.deletes.push({ op, read: at(shape, 'GET', true) });
  }
  return plan;
}

// ---- A change that can be recognised when it is read back -----------------------------------------------------

export interface Marked {
  body: unknown;
  /** The value to look for in the read-back answer. */
  marker: string | number | boolean;
  field: string;
}

/**
 * The body with one of its values changed to something the seed never has: a string field becomes a unique
 * text, else a number or boolean field a different value its schema allows. Undefined when nothing can change.
 */
export function markBody(body: unknown, schema: JsonSchema | undefined, tag: string): Marked | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const props = schema?.properties ?? {};
  const fields = Object.keys(record);
  const preferred = ['title', 'name', 'comment', 'description', 'text', 'information', 'specialization'];
  const stringField =
    preferred.find((f) => typeof record[f] === 'string' && isFreeText(props[f])) ??
    fields.find(
      (f) =>
        typeof record[f] === 'string' &&
        isFreeText(props[f]) &&
        !/(^|_)(id|ids|date|time|phone|email|url|color|code)$/.test(f),
    );
  if (stringField) {
    const marker = `Probe ${tag}`;
    return { body: { ...record, [stringField]: marker }, marker, field: stringField };
  }
  // A list of objects (`fields: [{slug, value}]`): mark a text of its first item.
  for (const f of fields) {
    const list = record[f];
    if (!Array.isArray(list) || !list[0] || typeof list[0] !== 'object') continue;
    const item = list[0] as Record<string, unknown>;
    const text = [...preferred, 'value'].find((k) => typeof item[k] === 'string');
    if (text) {
      const marker = `Probe ${tag}`;
      return { body: { ...record, [f]: [{ ...item, [text]: marker }, ...list.slice(1)] }, marker, field: text };
    }
  }
  for (const f of fields) {
    const value = record[f];
    const s = props[f];
    if (typeof value === 'boolean' && !s?.enum) return { body: { ...record, [f]: !value }, marker: !value, field: f };
    if (typeof value === 'number' && !s?.enum && !/(^|_)(id|ids)$/.test(f)) {
      const max = typeof s?.maximum === 'number' ? s.maximum : Infinity;
      const min = typeof s?.minimum === 'number' ? s.minimum : -Infinity;
      const next = [value + 7, value - 7, value + 1, value - 1].find((n) => n <= max && n >= min && n >= 0);
      if (next !== undefined) return { body: { ...record, [f]: next }, marker: next, field: f };
    }
  }
  return undefined;
}

function isFreeText(schema: JsonSchema | undefined): boolean {
  if (!schema) return true;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes('string') && !schema.enum && !schema.format && !schema.pattern;
}

/** Whether `field` holds `marker` anywhere in the answer (a string marker is searched for in the whole text). */
export function answerHolds(res: RawResponse, marked: Marked): boolean {
  if (typeof marked.marker === 'string') return res.text.includes(marked.marker);
  let found = false;
  const walk = (v: unknown) => {
    if (found || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    for (const [k, x] of Object.entries(v)) {
      if (k === marked.field && x === marked.marker) found = true;
      else walk(x);
    }
  };
  walk(res.json);
  return found;
}

/** The id of what a create answered with: `data.id`, `data[0].id`, or `data.document.id`. */
export function createdId(res: RawResponse): number | undefined {
  const data = (res.json as { data?: unknown } | undefined)?.data;
  const item = Array.isArray(data) ? data[0] : data;
  if (!item || typeof item !== 'object') return undefined;
  const record = item as Record<string, unknown>;
  if (typeof record.id === 'number') return record.id;
  const document = record.document as { id?: unknown } | undefined;
  return typeof document?.id === 'number' ? document.id : undefined;
}
