// The documented fields of an operation, each with a stable key: a translation of the catalog, the forms and
// the tools name a field by it. Keys read `path:location_id`, `query:page`, `body:client.phone`,
// `body:services[].id` (a row of an array), `body:[].name` (a body that is a bare array).
import type { JsonSchema, OperationSpec } from './catalog';

export type FieldLocation = 'path' | 'query' | 'body';

export interface DocumentedField {
  key: string;
  location: FieldLocation;
  /** The English description in the OpenAPI document. */
  description: string;
}

/** The key of a field; numeric segments of a value path (`services.0.id`) stand for any row (`services[].id`). */
export function fieldKey(location: FieldLocation, fieldPath: string): string {
  return `${location}:${fieldPath.replace(/(^|\.)\d+(?=\.|$)/g, '[]')}`;
}

/** Every parameter and body property that has a description, depth first, each key once. */
export function documentedFields(op: OperationSpec): DocumentedField[] {
  const out: DocumentedField[] = [];
  const seen = new Set<string>();
  const add = (location: FieldLocation, name: string, description: string | undefined): void => {
    const key = `${location}:${name}`;
    if (!description || seen.has(key)) return;
    seen.add(key);
    out.push({ key, location, description });
  };
  for (const p of op.parameters) add(p.in, p.name, p.description);
  const body = op.requestBody?.schema;
  // A bare-array body (bulk operations) is documented as a whole, keyed `body:[]`, and by its rows' properties.
  if (body?.items) add('body', '[]', body.description);
  if (body) visitSchema(body, '', (name, description) => add('body', name, description));
  return out;
}

function visitSchema(schema: JsonSchema, prefix: string, add: (name: string, description?: string) => void): void {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const key = prefix + name;
    add(key, property.description);
    visitSchema(property, `${key}.`, add);
    if (property.items) visitSchema(property.items, `${key}[].`, add);
  }
  if (schema.items && prefix === '') visitSchema(schema.items, '[].', add);
  for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) for (const branch of branches as JsonSchema[]) visitSchema(branch, prefix, add);
  }
}
