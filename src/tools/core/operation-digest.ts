// One operation described for a language model: its parameters, its body schema trimmed to what a model needs
// (types, required fields, enums, formats, short descriptions), an example call built from the documented
// examples, and the fields of its answer. Plain data, no vscode.
import type { JsonSchema, OperationSpec } from '../../api/catalog';
import { buildFormModel, exampleValues, initialValues, requestValues } from '../../api/form-model';
import { isRecord } from '../../api/is-record';
import { maskSensitiveFields } from '../../api/sensitive';
import { validation } from '../../api/lazy-validation';
import { truncateText } from './value-digest';

/** Words for a field's description: the translation of the display language when there is one. */
export type DescribeField = (location: 'path' | 'query' | 'body', fieldPath: string, english: string) => string;

export interface ParameterDigest {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  type?: string;
  format?: string;
  enum?: unknown[];
  description?: string;
  example?: unknown;
}

export interface OperationDigest {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  section: string;
  description?: string;
  /** Writes change data; each one asks the user before it is sent. */
  writes: boolean;
  destructive: boolean;
  deprecated: boolean;
  /** Which tokens the operation needs. */
  auth: 'partner token' | 'partner and user tokens';
  parameters: ParameterDigest[];
  body?: { required: boolean; contentType: string; schema: unknown };
  paging?: { page?: string; size?: string; maxSize?: number };
  /** Input for altegio_call, from the documented examples. */
  example: ExampleCall;
  /** Required values the documentation gives no example of (`query.date_from`): the example needs them. */
  exampleLacks?: string[];
  answer: { status: number; list: boolean; fields: string[] };
  docsUrl?: string;
}

export interface ExampleCall {
  operationId: string;
  pathParams?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export interface DigestContext {
  /** Put into location_id / chain_id of the example, so that it runs against the user's own business. */
  locationId?: number;
  chainId?: number;
  summary?: string;
  section?: string;
  describeField?: DescribeField;
}

const MAX_DESCRIPTION = 240;
const MAX_OPERATION_DESCRIPTION = 800;
const MAX_SCHEMA_DEPTH = 5;
const MAX_ENUM = 30;
const MAX_ANSWER_FIELDS = 30;

export function digestOperation(op: OperationSpec, ctx: DigestContext = {}): OperationDigest {
  const describe: DescribeField = ctx.describeField ?? ((_l, _p, english) => english);
  const parameters = op.parameters.map((p): ParameterDigest => {
    const types = typeList(p.schema);
    const enumValues = p.schema.enum ?? (p.schema.items as JsonSchema | undefined)?.enum;
    const example = p.example ?? p.schema.examples?.[0];
    const description = p.description ? describe(p.in, p.name, p.description) : undefined;
    return {
      name: p.name,
      in: p.in,
      required: p.required,
      ...(types ? { type: types } : {}),
      ...(p.schema.format ? { format: p.schema.format } : {}),
      ...(enumValues ? { enum: enumValues.slice(0, MAX_ENUM) } : {}),
      ...(description ? { description: truncateText(description, MAX_DESCRIPTION) } : {}),
      ...(example !== undefined ? { example } : {}),
    };
  });
  const body = op.requestBody;
  const description = op.description && op.description !== op.summary ? op.description : undefined;
  const example = exampleCall(op, ctx);
  const lacks = validation()
    .validateRequest(op, example, { coerce: true })
    .filter((e) => e.kind === 'missing')
    .map((e) => [e.location === 'path' ? 'pathParams' : e.location, e.field].filter(Boolean).join('.'));
  return {
    operationId: op.id,
    method: op.method,
    path: op.path,
    summary: ctx.summary ?? op.summary,
    section: ctx.section ?? op.section,
    ...(description ? { description: truncateText(description, MAX_OPERATION_DESCRIPTION) } : {}),
    writes: !op.readOnly,
    destructive: op.destructive,
    deprecated: op.deprecated,
    auth: op.security === 'BearerPartner' ? 'partner token' : 'partner and user tokens',
    parameters,
    ...(body
      ? {
          body: {
            required: body.required,
            contentType: body.contentType,
            schema: trimSchema(body.schema, (p, english) => describe('body', p, english)),
          },
        }
      : {}),
    ...(op.paging
      ? {
          paging: {
            ...(op.paging.pageParam ? { page: op.paging.pageParam } : {}),
            ...(op.paging.sizeParam ? { size: op.paging.sizeParam } : {}),
            ...(op.paging.maxSize ? { maxSize: op.paging.maxSize } : {}),
          },
        }
      : {}),
    example,
    ...(lacks.length ? { exampleLacks: lacks } : {}),
    answer: answerShape(op),
    ...(op.docsUrl ? { docsUrl: op.docsUrl } : {}),
  };
}

/**
 * The schema with what a model needs to write a valid value: types, required, enums, formats, bounds, patterns,
 * nested properties and items, and descriptions cut short. Examples, titles and vendor keywords are dropped.
 */
export function trimSchema(
  schema: JsonSchema,
  describe: (fieldPath: string, english: string) => string = (_p, english) => english,
  fieldPath = '',
  depth = 0,
): unknown {
  const out: Record<string, unknown> = {};
  const types = typeList(schema);
  if (types) out.type = types;
  if (schema.format) out.format = schema.format;
  if (Array.isArray(schema.enum)) out.enum = schema.enum.slice(0, MAX_ENUM);
  if ('const' in schema) out.const = schema.const;
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern'] as const)
    if (schema[k] !== undefined) out[k] = schema[k];
  if (schema.description && fieldPath)
    out.description = truncateText(describe(fieldPath, schema.description), MAX_DESCRIPTION);
  if (depth >= MAX_SCHEMA_DEPTH) {
    if (schema.properties || schema.items) out.note = 'nested value; see the documentation';
    return out;
  }
  if (schema.properties) {
    // A body documented as a bare array is modelled as one property named "[]".
    const props = Object.entries(schema.properties);
    if (props.length === 1 && props[0][0] === '[]' && !fieldPath)
      return { type: 'array', items: trimSchema(props[0][1], describe, '[]', depth + 1) };
    out.properties = Object.fromEntries(
      props.map(([name, prop]) => [name, trimSchema(prop, describe, join(fieldPath, name), depth + 1)]),
    );
  }
  if (Array.isArray(schema.required) && schema.required.length > 0) out.required = schema.required;
  if (schema.items) out.items = trimSchema(schema.items, describe, `${fieldPath}[]`, depth + 1);
  for (const k of ['oneOf', 'anyOf', 'allOf'] as const) {
    const branches = schema[k];
    if (Array.isArray(branches))
      out[k] = (branches as JsonSchema[]).map((b) => trimSchema(b, describe, fieldPath, depth + 1));
  }
  if (isRecord(schema.additionalProperties))
    out.additionalProperties = trimSchema(schema.additionalProperties, describe, `${fieldPath}.*`, depth + 1);
  return out;
}

/** A call of the operation from its documented examples, with the given location and chain where they fit. */
export function exampleCall(op: OperationSpec, ctx: Pick<DigestContext, 'locationId' | 'chainId'> = {}): ExampleCall {
  const model = buildFormModel(op);
  const values = requestValues(model, exampleValues(model, initialValues(model, ctx)));
  const pathParams = values.pathParams;
  const query = values.query;
  return {
    operationId: op.id,
    ...(Object.keys(pathParams).length ? { pathParams } : {}),
    ...(Object.keys(query).length ? { query } : {}),
    ...(values.body !== undefined ? { body: maskSensitiveFields(values.body) } : {}),
  };
}

/** The documented answer: its status, whether `data` is a list, and the names of its (or its rows') fields. */
export function answerShape(op: OperationSpec): { status: number; list: boolean; fields: string[] } {
  const schema = op.success.schema;
  const data = op.enveloped ? schema?.properties?.data : schema;
  const list = typeList(data ?? {})?.includes('array') ?? false;
  const row = list ? data?.items : data;
  return {
    status: op.success.status,
    list,
    fields: Object.keys(row?.properties ?? {}).slice(0, MAX_ANSWER_FIELDS),
  };
}

function typeList(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.filter((t) => t !== 'null').join(' | ') || undefined;
  return typeof schema.type === 'string' ? schema.type : undefined;
}

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}
