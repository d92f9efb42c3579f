// The schema of a request body and of the value at any JSON path inside it, for completion and hover.
import type { JsonSchema, OperationSpec } from '../../api/catalog';

/** The schema the body's JSON follows (a bare-array body's is an array schema). */
export function bodySchema(op: OperationSpec): JsonSchema | undefined {
  const spec = op.requestBody;
  if (!spec || spec.contentType !== 'application/json') return undefined;
  return spec.schema;
}

export function schemaAt(root: JsonSchema | undefined, path: readonly (string | number)[]): JsonSchema | undefined {
  let node = root;
  for (const key of path) {
    if (!node) return undefined;
    if (typeof key === 'number') node = node.items;
    else if (node.properties && key in node.properties) node = node.properties[key];
    else if (node.additionalProperties && typeof node.additionalProperties === 'object')
      node = node.additionalProperties;
    else return undefined;
  }
  return node;
}

export function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return typeof schema.type === 'string' ? [schema.type] : [];
}

/** "integer", "string (date)", "array of object", "one of 0, 1" — how hover names a type. */
export function describeType(schema: JsonSchema): string {
  const types = typesOf(schema).filter((t) => t !== 'null');
  let text = types.join(' | ') || 'any';
  if (types.includes('array') && schema.items) text = `array of ${describeType(schema.items)}`;
  if (schema.format) text += ` (${schema.format})`;
  return text;
}
