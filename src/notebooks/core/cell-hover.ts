// Hover in a request cell: a variable's current value, the operation behind the request line, a parameter's or a
// body field's description and type. Plain data; the host words the labels in the user's language.
import { findNodeAtOffset, getNodePath } from 'jsonc-parser';
import type { Catalog, JsonSchema, OperationSpec } from '../../api/catalog';
import { bodySchema, describeType, schemaAt } from './body-schema';
import { analyzeCell } from './cell-request';
import type { TextSpan } from './cell-syntax';
import { findVariables } from './variable-refs';
import { resolveVariable, type Resolution, type VariableScope } from './variables';

export type HoverModel =
  | { kind: 'variable'; span: TextSpan; expression: string; resolution: Resolution }
  | { kind: 'operation'; span: TextSpan; operation: OperationSpec }
  | { kind: 'field'; span: TextSpan; name: string; location: 'path' | 'query' | 'body'; field: FieldInfo };

export interface FieldInfo {
  type: string;
  required: boolean;
  description?: string;
  enum?: unknown[];
  example?: unknown;
}

export function hoverCell(
  catalog: Catalog,
  text: string,
  offset: number,
  scope: VariableScope,
): HoverModel | undefined {
  const ref = findVariables(text).find((r) => offset >= r.start && offset <= r.end);
  if (ref && ref.valid)
    return { kind: 'variable', span: ref, expression: ref.expression, resolution: resolveVariable(scope, ref) };
  const analysis = analyzeCell(catalog, text);
  const op = analysis.operation;
  const line = analysis.parsed.request;
  if (!op || !line) return undefined;
  const inside = (s: TextSpan) => offset >= s.start && offset <= s.end;
  for (const [name, segment] of Object.entries(analysis.pathParams)) {
    const spec = op.parameters.find((p) => p.in === 'path' && p.name === name);
    if (spec && inside(segment))
      return {
        kind: 'field',
        span: segment,
        name,
        location: 'path',
        field: info(spec.schema, true, spec.description, spec.example),
      };
  }
  for (const q of line.query) {
    const name = q.name.replace(/\[\]$/, '');
    const spec = op.parameters.find((p) => p.in === 'query' && p.name === name);
    if (spec && inside({ start: q.nameSpan.start, end: q.valueSpan.end }))
      return {
        kind: 'field',
        span: { start: q.nameSpan.start, end: q.valueSpan.end },
        name,
        location: 'query',
        field: info(spec.schema, spec.required, spec.description, spec.example),
      };
  }
  if (inside(line.methodSpan) || inside(line.pathSpan))
    return { kind: 'operation', span: { start: line.start, end: line.end }, operation: op };
  const body = analysis.body;
  const root = bodySchema(op);
  if (!body || !root || offset < body.start) return undefined;
  const node = body.root ? findNodeAtOffset(body.root, offset - body.start, true) : undefined;
  const property = node?.parent;
  if (!node || property?.type !== 'property' || property.children?.[0] !== node) return undefined;
  const name = String(node.value);
  const path = getNodePath(node);
  const schema = schemaAt(root, path);
  if (!schema) return undefined;
  const parent = schemaAt(root, path.slice(0, -1));
  return {
    kind: 'field',
    span: { start: body.start + node.offset, end: body.start + node.offset + node.length },
    name,
    location: 'body',
    field: info(schema, parent?.required?.includes(name) ?? false, schema.description),
  };
}

function info(schema: JsonSchema, required: boolean, description?: string, example?: unknown): FieldInfo {
  const ex = example ?? schema.examples?.[0];
  return {
    type: describeType(schema),
    required,
    ...(description || schema.description ? { description: description || schema.description } : {}),
    ...(schema.enum ? { enum: schema.enum } : {}),
    ...(ex !== undefined ? { example: ex } : {}),
  };
}
