// Values shaped by the document's schemas: an empty value of a schema's shape, a stored value cut to the fields an
// answer documents, and a request body laid over a stored entity under the names the answer uses.
import type { JsonSchema, OperationSpec } from '../../../api/catalog';

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === 'string') return [schema.type];
  const variants = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (variants) return variants.flatMap(typesOf);
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

/** The first non-null variant of a schema (for `oneOf`/`anyOf` and type lists). */
function concrete(schema: JsonSchema): JsonSchema {
  const variants = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (variants) return concrete(variants.find((v) => !typesOf(v).every((t) => t === 'null')) ?? variants[0]);
  return schema;
}

/**
 * A value of the schema's shape that says "nothing yet": 0, "", false, [], an object of such values, or null where
 * the schema allows it (except for the answer itself, `top`, which keeps its object or list shape).
 */
export function emptyValue(schema: JsonSchema | undefined, now: string, top = false): unknown {
  if (!schema) return null;
  const s = concrete(schema);
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum.find((v) => v !== null) ?? null;
  const types = typesOf(s);
  if (types.includes('null') && !(top && types.some((t) => t === 'object' || t === 'array'))) return null;
  if (types.includes('object')) {
    const out: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(s.properties ?? {})) out[key] = emptyValue(prop, now);
    return out;
  }
  if (types.includes('array')) return [];
  if (types.includes('integer') || types.includes('number')) return 0;
  if (types.includes('boolean')) return false;
  if (types.includes('string')) {
    if (s.format === 'date') return now.slice(0, 10);
    if (s.format === 'date-time') return now;
    return '';
  }
  return null;
}

/**
 * The value with only the fields the schema documents (recursively), missing ones filled with empty values, so an
 * answer has the documented shape whatever else is stored. Schemas without properties keep the value as it is.
 */
export function fitToSchema(value: unknown, schema: JsonSchema | undefined, now: string): unknown {
  if (!schema) return value;
  const s = concrete(schema);
  if (value === null || value === undefined)
    return value === null && typesOf(s).includes('null') ? null : emptyValue(s, now);
  if (Array.isArray(value)) return s.items ? value.map((v) => fitToSchema(v, s.items, now)) : value;
  if (typeof value !== 'object') return asType(value, typesOf(s));
  if (s.properties) {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(s.properties)) {
      out[key] = key in record ? fitToSchema(record[key], prop, now) : emptyValue(prop, now);
    }
    return out;
  }
  return value;
}

/** A scalar as the type the schema documents, when the body sent it as another (true for 1, "5" for 5). */
function asType(value: unknown, types: string[]): unknown {
  if (!types.length) return value;
  const is = (t: string) => types.includes(t);
  if (typeof value === 'boolean' && !is('boolean')) {
    if (is('integer') || is('number')) return value ? 1 : 0;
    if (is('string')) return String(value);
  }
  if (typeof value === 'number' && !is('number') && !(is('integer') && Number.isInteger(value))) {
    if (is('boolean')) return value !== 0;
    if (is('string')) return String(value);
    if (is('integer')) return Math.round(value);
  }
  if (typeof value === 'string' && !is('string') && value.trim() !== '' && !Number.isNaN(Number(value))) {
    if (is('integer') || is('number')) return Number(value);
  }
  return value;
}

/** The schema of an answer's `data` (the whole answer for the few operations without the envelope). */
export function dataSchema(op: OperationSpec): JsonSchema | undefined {
  const schema = op.success.schema;
  if (!schema) return undefined;
  return op.enveloped ? schema.properties?.data : schema;
}

/** Whether the answer's data is a list (of entities), as opposed to one entity or nothing. */
export function answersList(op: OperationSpec): boolean {
  const schema = dataSchema(op);
  if (schema && typesOf(concrete(schema)).includes('array')) return true;
  const example = op.success.example as { data?: unknown } | undefined;
  return Array.isArray(op.enveloped ? example?.data : example);
}

/** Whether the document shows this answer with no data (`data: null`) and no schema for it. */
export function answersNothing(op: OperationSpec): boolean {
  if (op.success.status === 204) return true;
  const schema = dataSchema(op);
  const example = op.success.example as { data?: unknown } | undefined;
  const noSchema = !schema || (typesOf(schema).length === 0 && !schema.properties);
  return noSchema && (example?.data === null || example?.data === undefined);
}

/** The schema of one entity of the answer: the items of a list, else the data itself. */
export function entitySchema(op: OperationSpec): JsonSchema | undefined {
  const schema = dataSchema(op);
  if (!schema) return undefined;
  const s = concrete(schema);
  return typesOf(s).includes('array') ? s.items : s;
}

/**
 * Altegio's own aliases (the same thing under its older and newer names), so a body field reaches the entity
 * field of the other name: `staff_id` fills `master_id`, `location_id` fills `company_id`.
 */
const ALIAS_GROUPS: readonly (readonly string[])[] = [
  ['location_id', 'company_id', 'salon_id'],
  ['chain_id', 'company_group_id', 'salon_group_id', 'group_id'],
  ['team_member_id', 'staff_id', 'master_id'],
  ['appointment_id', 'record_id'],
  ['product_id', 'good_id'],
];

export function aliasesOf(name: string): readonly string[] {
  return ALIAS_GROUPS.find((g) => g.includes(name)) ?? [name];
}

/**
 * Lays the body's fields over an entity: each field the entity's schema documents (under its name or an alias)
 * takes the sent value; fields it does not document are kept too, so a later read can show them where the
 * document has a place for them. `null` clears a field.
 */
export function overlay(
  entity: Record<string, unknown>,
  body: Record<string, unknown>,
  schema: JsonSchema | undefined,
): Record<string, unknown> {
  const props = concrete(schema ?? {}).properties ?? {};
  const out = { ...entity };
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const target = aliasesOf(key).find((k) => k in props) ?? key;
    const prop = props[target];
    const current = out[target];
    if (
      prop &&
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current &&
      typeof current === 'object' &&
      !Array.isArray(current)
    ) {
      out[target] = overlay(current as Record<string, unknown>, value as Record<string, unknown>, prop);
    } else {
      out[target] = value;
    }
  }
  return out;
}
