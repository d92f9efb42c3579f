// Builds the request form of any operation from its OpenAPI schema: one typed field per path and query
// parameter and per body property, nested objects and arrays included, and a JSON editor where fields cannot
// express the schema. Also turns the values a form holds into what is validated and sent.
import type { JsonSchema, OperationSpec, ParameterSpec } from './catalog';
import type {
  FieldKind,
  FormBody,
  FormField,
  FormLocation,
  FormModel,
  FormValues,
  JsonFallbackReason,
  ValueType,
} from './form-types';
import { lookupFor } from './lookups';
import { hasArrayBody } from './array-body';
import { normalisePhone } from './phone';
import { entityValue, type EntityContext } from './request-context';
import { isRecord } from './is-record';

export type { FieldKind, FormBody, FormField, FormLocation, FormModel, FormValues } from './form-types';

/** Deeper than this, a value is edited as JSON: rows of rows of objects stop being readable as fields. */
export const MAX_FIELD_DEPTH = 6;
const COMBINATORS = ['anyOf', 'oneOf', 'allOf', 'not', 'if'];

export function buildFormModel(op: OperationSpec): FormModel {
  return {
    operationId: op.id,
    method: op.method,
    path: op.path,
    summary: op.summary,
    description: op.description,
    section: op.section,
    security: op.security,
    destructive: op.destructive,
    readOnly: op.readOnly,
    deprecated: op.deprecated,
    ...(op.docsUrl ? { docsUrl: op.docsUrl } : {}),
    paged: op.paging !== undefined,
    pathFields: op.parameters.filter((p) => p.in === 'path').map((p) => parameterField(p, op.id)),
    queryFields: op.parameters.filter((p) => p.in === 'query').map((p) => parameterField(p, op.id)),
    ...(op.requestBody ? { body: bodyModel(op) } : {}),
  };
}

function parameterField(p: ParameterSpec, operationId: string): FormField {
  const field = schemaField(p.name, p.schema, p.required, 0, operationId);
  if (p.description && !field.description) field.description = p.description;
  const example = p.example ?? p.schema.examples?.[0];
  return withExample(field, example);
}

function bodyModel(op: OperationSpec): FormBody {
  const spec = op.requestBody!;
  const schema = spec.schema;
  const base = {
    required: spec.required,
    contentType: spec.contentType,
    jsonEditable: spec.contentType === 'application/json',
    ...(spec.example !== undefined ? { example: spec.example } : {}),
  };
  if (hasArrayBody(op)) {
    const rows = schema;
    return {
      ...base,
      mode: 'fields',
      shape: 'array',
      fields: [withExample(schemaField('', rows, true, 0, op.id), rows.examples?.[0] ?? spec.example)],
    };
  }
  const fallback = bodyFallback(schema);
  if (fallback) return { ...base, mode: 'json', fallbackReason: fallback, shape: 'any', fields: [] };
  return { ...base, mode: 'fields', shape: 'object', fields: objectFields(schema, 1, op.id) };
}

function bodyFallback(schema: JsonSchema): JsonFallbackReason | undefined {
  if (!schema || Object.keys(schema).length === 0) return 'no-schema';
  if (hasStructuralCombinator(schema)) return 'combinator';
  const types = typesOf(schema).filter((t) => t !== 'null');
  if (types.length > 1 || (types.length === 1 && types[0] !== 'object')) return 'not-an-object';
  if (!schema.properties || Object.keys(schema.properties).length === 0) return 'free-form';
  return undefined;
}

function objectFields(schema: JsonSchema, depth: number, operationId?: string): FormField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, prop]) =>
    withExample(schemaField(name, prop, required.has(name), depth, operationId), prop.examples?.[0]),
  );
}

/**
 * Whether the schema combines other schemas in a way fields cannot show. `anyOf` of `required` lists only — one of
 * several names for a field, e.g. Altegio's create_date or the blueprint's date_created — constrains the values,
 * not their shape, so the fields still express it (validation reports the missing name).
 */
function hasStructuralCombinator(schema: JsonSchema): boolean {
  return COMBINATORS.some((k) => {
    if (!(k in schema)) return false;
    const branches = schema[k];
    const namesOnly =
      k === 'anyOf' &&
      Array.isArray(branches) &&
      branches.every((b) => isRecord(b) && Object.keys(b).length === 1 && Array.isArray(b.required));
    return !namesOnly;
  });
}

/**
 * The one type a field is entered as: the schema's only type, or its first when the others are alternative
 * forms of it — a number that may also be written as a numeral (`["integer", "string"]`), a code that may also be
 * sent as a number (`["string", "integer"]`). Undefined for a real choice of shapes (text, list or true/false).
 */
function primaryType(types: string[]): string | undefined {
  if (types.length <= 1) return types[0];
  const scalar = (t: string) => t === 'string' || t === 'integer' || t === 'number';
  return types.length === 2 && types.every(scalar) ? types[0] : undefined;
}

/**
 * The field for one schema; recursion stops at MAX_FIELD_DEPTH with a JSON field. `operationId` lets the
 * lookup table leave out a name that means something else in that operation (a new client's own phone).
 */
export function schemaField(
  name: string,
  schema: JsonSchema,
  required: boolean,
  depth: number,
  operationId?: string,
): FormField {
  const all = typesOf(schema);
  const nullable = all.includes('null');
  const types = all.filter((t) => t !== 'null');
  const base = {
    name,
    required,
    nullable,
    ...(schema.description ? { description: schema.description } : {}),
    ...(typeof schema.minimum === 'number' ? { minimum: schema.minimum } : {}),
    ...(typeof schema.maximum === 'number' ? { maximum: schema.maximum } : {}),
    ...(schema.pattern ? { pattern: schema.pattern } : {}),
    ...(schema.format ? { format: schema.format } : {}),
  };
  const lookup = lookupFor(name, operationId);
  const withLookup = (f: FormField): FormField =>
    lookup && (f.kind === 'text' || f.kind === 'integer' || f.kind === 'number' || f.kind === 'phone')
      ? { ...f, lookup: { key: lookup.key, searchable: lookup.searchable, needs: lookup.needs } }
      : f;
  const json = (valueType: ValueType = 'any'): FormField => ({ ...base, kind: 'json', valueType });

  if (hasStructuralCombinator(schema)) return json();
  const primary = primaryType(types);
  const enumValues = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : undefined;
  if (enumValues && enumValues.length > 0 && enumValues.every(isScalar)) {
    const type = primary ?? types[0] ?? typeof enumValues.find((v) => v !== null);
    // A number enum may also list its numerals ("1" beside 1): one option each, in the field's own type.
    const scalars = enumValues.filter(
      (v): v is string | number | boolean => v !== null && (types.length < 2 || matchesType(v, type)),
    );
    // A text enum may also list a value as a source spells it ("desc" beside "DESC"): validation accepts both,
    // the dropdown offers the first spelling only.
    const offered = scalars.filter(
      (v, i) => typeof v !== 'string' || scalars.findIndex((w) => String(w).toLowerCase() === v.toLowerCase()) === i,
    );
    return {
      ...base,
      kind: 'enum',
      valueType: scalarValueType(type),
      options: offered.map((v) => ({ value: v, label: String(v) })),
    };
  }
  if (types.length > 1 && !primary) return json();
  const type = primary ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  switch (type) {
    case 'string':
      if (schema.format === 'date') return { ...base, kind: 'date', valueType: 'string' };
      if (schema.format === 'binary') return { ...base, kind: 'file', valueType: 'string' };
      if (schema.format === 'phone' || lookup?.key === 'clientPhones')
        return withLookup({ ...base, kind: 'phone', valueType: 'string' });
      return withLookup({ ...base, kind: 'text', valueType: 'string' });
    case 'integer':
    case 'number':
      if (schema.format === 'phone') return withLookup({ ...base, kind: 'phone', valueType: type });
      return withLookup({ ...base, kind: type, valueType: type });
    case 'boolean':
      return { ...base, kind: 'boolean', valueType: 'boolean' };
    case 'array': {
      if (!schema.items || depth >= MAX_FIELD_DEPTH) return json('array');
      const item = schemaField(name, schema.items, true, depth + 1, operationId);
      return {
        ...base,
        kind: 'array',
        valueType: 'array',
        item: withExample(item, (schema.examples?.[0] as unknown[] | undefined)?.[0] ?? schema.items.examples?.[0]),
      };
    }
    case 'object': {
      const hasProps = schema.properties !== undefined && Object.keys(schema.properties).length > 0;
      if (!hasProps || depth >= MAX_FIELD_DEPTH) return json('object');
      return { ...base, kind: 'object', valueType: 'object', fields: objectFields(schema, depth + 1, operationId) };
    }
    default:
      return json();
  }
}

function withExample(field: FormField, example: unknown): FormField {
  if (example === undefined || example === null || example === '') return field;
  const placeholder = typeof example === 'string' ? example : JSON.stringify(example);
  // An object's or array's own example shows in its JSON editor; nested fields carry their own.
  if (field.kind === 'object' || field.kind === 'array') return { ...field, example };
  return { ...field, example, placeholder };
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type.map(String);
  return typeof schema.type === 'string' ? [schema.type] : [];
}

function matchesType(v: unknown, type: string): boolean {
  if (type === 'integer' || type === 'number') return typeof v === 'number';
  if (type === 'boolean') return typeof v === 'boolean';
  return typeof v === 'string';
}

function isScalar(v: unknown): boolean {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function scalarValueType(type: string): ValueType {
  return type === 'integer' || type === 'number' || type === 'boolean' ? type : 'string';
}

/** Every field of the model, depth first, with its location (for tests and counts). */
export function allFields(model: FormModel): { location: FormLocation; field: FormField; depth: number }[] {
  const out: { location: FormLocation; field: FormField; depth: number }[] = [];
  const visit = (location: FormLocation, field: FormField, depth: number): void => {
    out.push({ location, field, depth });
    if (field.item) visit(location, field.item, depth + 1);
    for (const f of field.fields ?? []) visit(location, f, depth + 1);
  };
  for (const f of model.pathFields) visit('path', f, 0);
  for (const f of model.queryFields) visit('query', f, 0);
  for (const f of model.body?.fields ?? []) visit('body', f, 0);
  return out;
}

/**
 * The values a new form starts with: every path parameter that names the context's location, chain, client,
 * team member or service (and a required field of the body or query that does, or the client's phone), then
 * what the caller passed, which wins.
 */
export function initialValues(model: FormModel, ctx: EntityContext, prefill: Partial<FormValues> = {}): FormValues {
  const fromContext = (fields: FormField[], all: boolean): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const value = all || f.required ? contextValue(f, ctx) : undefined;
      if (value !== undefined) out[f.name] = value;
    }
    return out;
  };
  const body = model.body
    ? model.body.shape === 'array'
      ? Array.isArray(prefill.body)
        ? prefill.body
        : []
      : {
          ...(model.body.shape === 'object' ? fromContext(model.body.fields, false) : {}),
          ...(isRecord(prefill.body) ? prefill.body : {}),
        }
    : undefined;
  return {
    path: { ...fromContext(model.pathFields, true), ...(prefill.path ?? {}) },
    query: { ...fromContext(model.queryFields, false), ...(prefill.query ?? {}) },
    ...(model.body ? { body } : {}),
  };
}

/** What the context says a field holds: an entity's id, or the client's phone as digits. */
function contextValue(f: FormField, ctx: EntityContext): unknown {
  const id = entityValue(f.name, ctx);
  if (id !== undefined && (f.kind === 'integer' || f.kind === 'number' || f.kind === 'text'))
    return f.valueType === 'string' ? String(id) : id;
  if (f.kind === 'phone' && f.lookup?.key === 'clientPhones' && ctx.clientPhone) {
    const digits = normalisePhone(ctx.clientPhone);
    return f.valueType === 'string' ? digits : /^\d+$/.test(digits) ? Number(digits) : undefined;
  }
  return undefined;
}

/** Values filled from the documented examples, keeping what the user already entered. */
export function exampleValues(model: FormModel, current: FormValues): FormValues {
  const fill = (fields: FormField[], values: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...values };
    for (const f of fields) if (isBlank(out[f.name]) && f.example !== undefined) out[f.name] = f.example;
    return out;
  };
  let body = current.body;
  if (model.body) {
    if (model.body.shape === 'array')
      body = Array.isArray(body) && body.length > 0 ? body : (model.body.fields[0].example ?? model.body.example ?? []);
    else if (model.body.shape === 'object') body = fill(model.body.fields, isRecord(body) ? body : {});
    else if (body === undefined || (isRecord(body) && Object.keys(body).length === 0))
      body = model.body.example ?? body;
  }
  return {
    path: fill(model.pathFields, current.path),
    query: fill(model.queryFields, current.query),
    ...(model.body ? { body } : {}),
  };
}

/**
 * What is validated and sent: empty entries are "not given", an empty optional body is no body, and path
 * values are strings or numbers (a form may hold a string where a number belongs; validation then names it).
 */
export function requestValues(
  model: FormModel,
  values: FormValues,
): { pathParams: Record<string, string | number>; query: Record<string, unknown>; body?: unknown } {
  const pathParams: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values.path ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') {
      if (v !== '') pathParams[k] = v;
    } else if (v !== undefined && v !== null) {
      pathParams[k] = String(v);
    }
  }
  const query = pruneObject(values.query ?? {});
  let body = values.body === undefined ? undefined : prune(values.body);
  if (model.body && !model.body.required && isRecord(body) && Object.keys(body).length === 0) body = undefined;
  if (!model.body) body = undefined;
  return { pathParams, query: (query ?? {}) as Record<string, unknown>, ...(body !== undefined ? { body } : {}) };
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (isRecord(v) ? (pruneObject(v) ?? {}) : v));
  if (isRecord(value)) return pruneObject(value) ?? {};
  return value;
}

const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Drops undefined and '' entries, and nested objects left empty; the top level stays an object. */
function pruneObject(value: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // `out[k] = …` with one of these would change the object's prototype, not add a field.
    if (isBlank(v) || PROTOTYPE_KEYS.has(k)) continue;
    if (isRecord(v)) {
      const inner = pruneObject(v);
      if (inner && Object.keys(inner).length > 0) out[k] = inner;
      continue;
    }
    out[k] = Array.isArray(v) ? prune(v) : v;
  }
  return out;
}

/** The key a form uses to place an error next to its field: `body:client.phone`, `path:location_id`. */
export function fieldKey(location: FormLocation, field: string): string {
  return `${location}:${field}`;
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === '';
}

export const FIELD_KINDS: readonly FieldKind[] = [
  'text',
  'integer',
  'number',
  'boolean',
  'enum',
  'date',
  'phone',
  'array',
  'object',
  'file',
  'json',
];
