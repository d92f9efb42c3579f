// How the document models a body that is a bare JSON array: an object schema whose only property is named "[]".
// Apart from validation.ts so that the forms can ask without loading Ajv.
import type { OperationSpec } from './catalog';

export const ARRAY_BODY_PROPERTY = '[]';

/** Whether the document models this body as a bare JSON array (its schema's only property is named "[]"). */
export function hasArrayBody(op: OperationSpec): boolean {
  const props = op.requestBody?.schema.properties;
  return props !== undefined && Object.keys(props).length === 1 && ARRAY_BODY_PROPERTY in props;
}
