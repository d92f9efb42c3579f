// Whether a request body is a bare JSON array (Altegio's bulk operations): its schema is an array schema. Apart from
// validation.ts so that the forms can ask without loading Ajv.
import type { OperationSpec } from './catalog';

export function hasArrayBody(op: OperationSpec): boolean {
  const schema = op.requestBody?.schema;
  if (!schema) return false;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types.filter((t) => t !== 'null')[0] === 'array';
}
