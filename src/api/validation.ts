// Request and response validation against the OpenAPI document's schemas. Shared by the sandbox (which answers
// bad requests with 400/422 and field errors) and the extension host (whose request forms validate every change).
// Ajv compiles validators with `new Function`, so this module must never be bundled into a webview. In the extension
// it is a bundle of its own (dist/validation.js, see esbuild.js), required when a form is first validated.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema, OperationSpec, ParameterSpec } from './catalog';

export type FieldLocation = 'path' | 'query' | 'body';

export interface FieldError {
  location: FieldLocation;
  /** Dotted path with array indexes, as a user reads it: `phone`, `client.email`, `services[0].id`. */
  field: string;
  /** A whole sentence that names the field, e.g. "phone must be 9 to 15 digits". */
  message: string;
  /**
   * `missing`: a required value is absent (Altegio answers 422 for those);
   * `invalid`: a value of the wrong type, format or range (Altegio answers 400).
   */
  kind: 'missing' | 'invalid';
  /**
   * What went wrong, for hosts that word it in the user's language: the rule and its arguments, the first
   * always being the field's name (see `describe` for the English sentence each makes).
   */
  rule: ValidationRule;
  args: string[];
}

export type ValidationRule =
  | 'required'
  | 'bodyRequired'
  | 'type'
  | 'phone'
  | 'phoneNumber'
  | 'format'
  | 'digits'
  | 'pattern'
  | 'enum'
  | 'const'
  | 'minimum'
  | 'exclusiveMinimum'
  | 'maximum'
  | 'exclusiveMaximum'
  | 'multipleOf'
  | 'notEmpty'
  | 'minLength'
  | 'maxLength'
  | 'minItems'
  | 'maxItems'
  | 'uniqueItems'
  | 'unknownField'
  | 'noForm'
  | 'notAllowed'
  | 'other';

export interface RequestValues {
  pathParams?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export interface ValidateRequestOptions {
  /**
   * Convert string path and query values to their declared types first ("720441" → 720441, "true" → true,
   * a single value → a one-item array). Servers want this; forms that keep typed values do not.
   */
  coerce?: boolean;
}

/** Altegio phones are 9 to 15 digits; strings may start with "+" (international form). */
const PHONE_STRING = /^\+?[0-9]{9,15}$/;
/** The format name phones get when they are numbers (Ajv checks one data type per format name). */
const PHONE_NUMBER_FORMAT = 'phone-number';
/**
 * The patterns of a number's other form: `{"type": ["integer", "string"], "pattern": INTEGER_STRING}` is an integer
 * that may also be written as a numeral ("79067"), as Altegio's server reads and writes them.
 */
export const INTEGER_STRING_PATTERN = '^-?[0-9]+$';
export const NUMBER_STRING_PATTERN = '^-?[0-9]+(\\.[0-9]+)?$';

let ajvInstance: Ajv2020 | undefined;

/** One Ajv instance for the whole process: compiled validators share its schema cache. */
function ajv(): Ajv2020 {
  if (ajvInstance) return ajvInstance;
  // verbose: errors carry their schema, so that a numeral pattern or a choice of required names is worded well.
  const instance = new Ajv2020({ allErrors: true, strict: false, validateFormats: true, verbose: true });
  addFormats(instance);
  instance.addFormat('phone', { type: 'string', validate: (value: string) => PHONE_STRING.test(value) });
  instance.addFormat(PHONE_NUMBER_FORMAT, {
    type: 'number',
    validate: (value: number) => Number.isInteger(value) && value > 0 && /^[0-9]{9,15}$/.test(String(value)),
  });
  // OpenAPI's own format names: annotations for code generators, nothing to check beyond the type.
  for (const name of ['binary', 'byte', 'password', 'int32', 'int64', 'float', 'double'])
    instance.addFormat(name, true);
  ajvInstance = instance;
  return instance;
}

interface OperationValidators {
  path?: ValidateFunction;
  query?: ValidateFunction;
  body?: ValidateFunction;
  responses: Map<number, ValidateFunction | null>;
}

const cache = new WeakMap<OperationSpec, OperationValidators>();

function validatorsOf(op: OperationSpec): OperationValidators {
  let entry = cache.get(op);
  if (!entry) {
    entry = { responses: new Map() };
    cache.set(op, entry);
  }
  return entry;
}

function parameterObjectSchema(params: ParameterSpec[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

type Side = 'request' | 'response';

function compile(schema: JsonSchema, side: Side): ValidateFunction {
  return ajv().compile(forAjv(schema, side) as object);
}

/**
 * A copy of the schema ready for Ajv. The catalog's schema objects are shared between operations, so they are
 * never modified in place.
 * - `format: phone` on a number becomes the number flavour of the format.
 * - On the request side, an optional property may be null: Altegio's own examples send `null` for optional
 *   fields ("image_group_id": null, "api_id": null), so null there means "not set", not a type error.
 */
function forAjv(node: unknown, side: Side): unknown {
  if (Array.isArray(node)) return node.map((n) => forAjv(n, side));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = forAjv(v, side);
  if (out.format === 'phone') {
    const types = Array.isArray(out.type) ? out.type : [out.type];
    if (!types.includes('string') && (types.includes('number') || types.includes('integer')))
      out.format = PHONE_NUMBER_FORMAT;
  }
  if (side === 'request' && out.properties && typeof out.properties === 'object') {
    const required = new Set(Array.isArray(out.required) ? (out.required as string[]) : []);
    const props = out.properties as Record<string, Record<string, unknown>>;
    for (const [name, prop] of Object.entries(props)) {
      if (!required.has(name) && prop && typeof prop === 'object') props[name] = allowNull(prop);
    }
  }
  return out;
}

function allowNull(schema: Record<string, unknown>): Record<string, unknown> {
  if (schema.type === undefined) return schema;
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  if (types.includes('null')) return schema;
  const out: Record<string, unknown> = { ...schema, type: [...types, 'null'] };
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
  return out;
}

/**
 * Converts string path and query values to the types their schemas declare. Values that cannot be converted are
 * kept as they are, so validation then reports them ("location_id must be an integer").
 */
export function coerceRequest(op: OperationSpec, input: RequestValues): RequestValues {
  const coerceGroup = (where: 'path' | 'query', values: Record<string, unknown> | undefined) => {
    if (!values) return values;
    const out: Record<string, unknown> = { ...values };
    for (const p of op.parameters) {
      if (p.in === where && p.name in out) out[p.name] = coerceValue(out[p.name], p.schema);
    }
    return out;
  };
  return {
    pathParams: coerceGroup('path', input.pathParams),
    query: coerceGroup('query', input.query),
    body: input.body,
  };
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return typeof schema.type === 'string' ? [schema.type] : [];
}

function coerceValue(value: unknown, schema: JsonSchema): unknown {
  const types = typesOf(schema);
  if (types.includes('array')) {
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return schema.items ? list.map((v) => coerceValue(v, schema.items!)) : list;
  }
  if (Array.isArray(value)) return value.length === 1 ? coerceValue(value[0], schema) : value;
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (types.includes('string')) return value;
  if (types.includes('integer') && /^-?[0-9]+$/.test(text)) return Number(text);
  if (types.includes('number') && text !== '' && Number.isFinite(Number(text))) return Number(text);
  if (types.includes('boolean')) {
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
  }
  if (types.includes('null') && (text === '' || text === 'null')) return null;
  return value;
}

/**
 * A valid body with every value in its schema's first (primary) type: a numeric string where the schema says
 * `["integer", "string"]` becomes a number, a number where it says `["string", "integer"]` becomes text. Servers
 * use this after validation, so that handlers see one form of each value as Altegio's server does ("8230" is read
 * as 8230). Values that do not convert cleanly are kept as they are.
 */
export function normaliseBody(op: OperationSpec, body: unknown): unknown {
  const schema = op.requestBody?.schema;
  return schema ? normaliseValue(body, schema) : body;
}

function normaliseValue(value: unknown, schema: JsonSchema): unknown {
  if (Array.isArray(value)) return schema.items ? value.map((v) => normaliseValue(v, schema.items!)) : value;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const props = schema.properties ?? {};
    const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    for (const [k, v] of Object.entries(value)) {
      const s = props[k] ?? extra;
      out[k] = s ? normaliseValue(v, s) : v;
    }
    return out;
  }
  const primary = typesOf(schema).find((t) => t !== 'null');
  if (typeof value === 'string' && (primary === 'integer' || primary === 'number')) {
    const text = value.trim();
    const n = Number(text);
    return text !== '' && Number.isFinite(n) && (primary === 'number' || Number.isInteger(n)) ? n : value;
  }
  if (typeof value === 'number' && primary === 'string') return String(value);
  return value;
}

/** Validates path parameters, query parameters and the body of a request; an empty list means it may be sent. */
export function validateRequest(
  op: OperationSpec,
  input: RequestValues,
  opts: ValidateRequestOptions = {},
): FieldError[] {
  const values = opts.coerce ? coerceRequest(op, input) : input;
  const entry = validatorsOf(op);
  const errors: FieldError[] = [];

  const pathParams = op.parameters.filter((p) => p.in === 'path');
  if (pathParams.length) {
    entry.path ??= compile(parameterObjectSchema(pathParams), 'request');
    errors.push(...run(entry.path, withoutEmpty(values.pathParams ?? {}), 'path'));
  }
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  if (queryParams.length) {
    entry.query ??= compile(parameterObjectSchema(queryParams), 'request');
    errors.push(...run(entry.query, withoutEmpty(values.query ?? {}), 'query'));
  }
  const spec = op.requestBody;
  if (spec) {
    const body = values.body;
    if (body === undefined || body === null) {
      if (spec.required)
        errors.push({
          location: 'body',
          field: '',
          message: 'A request body is required',
          kind: 'missing',
          rule: 'bodyRequired',
          args: [],
        });
    } else {
      entry.body ??= compile(spec.schema, 'request');
      errors.push(...run(entry.body, body, 'body'));
    }
  }
  return errors;
}

/**
 * Checks an answer against the operation's documented response for that status. Returns readable problems
 * ("data[0].id must be an integer"); an empty list means the answer matches the document.
 */
export function validateResponse(op: OperationSpec, status: number, body: unknown): string[] {
  const spec = op.responses.find((r) => r.status === status);
  if (!spec)
    return [
      `status ${status} is not documented for ${op.id} (documented: ${op.responses.map((r) => r.status).join(', ')})`,
    ];
  if (status === 204) {
    return body === undefined || body === null || body === '' ? [] : ['a 204 answer must have an empty body'];
  }
  if (!spec.schema) return [];
  const entry = validatorsOf(op);
  let validate = entry.responses.get(status);
  if (validate === undefined) {
    validate = compile(spec.schema, 'response');
    entry.responses.set(status, validate);
  }
  if (!validate || validate(body)) return [];
  return toFieldErrors(validate.errors ?? [], 'body').map((e) => e.message);
}

/** Field errors grouped the way Altegio's error envelope carries them: `meta.errors = { field: [messages] }`. */
export function groupFieldErrors(errors: FieldError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const key = e.field || e.location;
    (out[key] ??= []).push(e.message);
  }
  return out;
}

/** Empty strings from a form or a query string mean "not given", not "given as empty". */
function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

function run(validate: ValidateFunction, data: unknown, location: FieldLocation): FieldError[] {
  if (validate(data)) return [];
  return toFieldErrors(validate.errors ?? [], location);
}

/** `anyOf: [{required: ["create_date"]}, {required: ["date_created"]}]`: one of several names for a field. */
function isChoiceOfNames(e: ErrorObject): boolean {
  return (
    e.keyword === 'anyOf' &&
    Array.isArray(e.schema) &&
    e.schema.every((b) => b && typeof b === 'object' && Object.keys(b).length === 1 && Array.isArray(b.required))
  );
}

function toFieldErrors(raw: ErrorObject[], location: FieldLocation): FieldError[] {
  // anyOf/oneOf report every failed branch; the user only needs to hear that no form fits — except for a choice of
  // names for one field, where the first name (Altegio's) is the one reported missing.
  const choices = raw.filter(isChoiceOfNames).map((e) => e.schemaPath);
  const combinators = raw.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  const firstOfChoice = (e: ErrorObject) => choices.some((p) => e.schemaPath === `${p}/0/required`);
  const relevant = raw.filter(
    (e) =>
      !choices.includes(e.schemaPath) &&
      (firstOfChoice(e) || !combinators.some((p) => e.schemaPath !== p && e.schemaPath.startsWith(`${p}/`))),
  );
  const out: FieldError[] = [];
  const seen = new Set<string>();
  const formatFields = new Set(relevant.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  for (const e of relevant) {
    // A phone both fails its pattern and its format; the format's message is the one that helps.
    if (e.keyword === 'pattern' && formatFields.has(e.instancePath)) continue;
    const field = fieldName(e);
    const { message, rule, args } = describe(e, field || (location === 'body' ? 'the request body' : location));
    const key = `${field}\n${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ location, field, message, kind: e.keyword === 'required' ? 'missing' : 'invalid', rule, args });
  }
  return out;
}

/** `/services/0/id` → `services[0].id`; a missing property is named with its parent. */
function fieldName(e: ErrorObject): string {
  const segments = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') segments.push(String((e.params as { missingProperty: string }).missingProperty));
  if (e.keyword === 'additionalProperties')
    segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
  if (e.keyword === 'dependentRequired')
    segments.push(String((e.params as { missingProperty: string }).missingProperty));
  let name = '';
  for (const s of segments) {
    if (/^[0-9]+$/.test(s)) name += `[${s}]`;
    else name += name ? `.${s}` : s;
  }
  return name;
}

function isNumeralPattern(pattern: unknown): boolean {
  return pattern === INTEGER_STRING_PATTERN || pattern === NUMBER_STRING_PATTERN;
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

const FORMAT_WORDS: Record<string, string> = {
  date: 'a date like 2026-03-05',
  'date-time': 'a date and time like 2026-03-05T10:00:00-05:00',
  time: 'a time like 10:00:00',
  email: 'an email address',
  uri: 'a URL',
  url: 'a URL',
  uuid: 'a UUID',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  hostname: 'a host name',
};

interface Description {
  message: string;
  rule: ValidationRule;
  args: string[];
}

function describe(e: ErrorObject, field: string): Description {
  const p = e.params as Record<string, unknown>;
  const d = (rule: ValidationRule, message: string, ...extra: string[]): Description => ({
    message,
    rule,
    args: [field, ...extra],
  });
  switch (e.keyword) {
    case 'required':
    case 'dependentRequired':
      return d('required', `${field} is required`);
    case 'type': {
      // "or null" is noise for a user filling in a value (null only ever means "leave it out"), and so is "or a
      // string" for a number whose other form is a numeral.
      const all = String(p.type).split(',');
      const numeral = isNumeralPattern((e.parentSchema as { pattern?: unknown } | undefined)?.pattern);
      const types = all.length > 1 ? all.filter((t) => t !== 'null' && !(numeral && t === 'string')) : all;
      return d('type', `${field} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}`, ...types);
    }
    case 'format': {
      const format = String(p.format);
      if (format === 'phone') return d('phone', `${field} must be 9 to 15 digits (a leading + is allowed)`);
      if (format === PHONE_NUMBER_FORMAT) return d('phoneNumber', `${field} must be 9 to 15 digits`);
      return d('format', `${field} must be ${FORMAT_WORDS[format] ?? `in the "${format}" format`}`, format);
    }
    case 'pattern':
      if (p.pattern === INTEGER_STRING_PATTERN) return d('type', `${field} must be an integer`, 'integer');
      if (p.pattern === NUMBER_STRING_PATTERN) return d('type', `${field} must be a number`, 'number');
      return p.pattern === '^[0-9]+$'
        ? d('digits', `${field} must contain digits only`)
        : d('pattern', `${field} must match the pattern ${String(p.pattern)}`, String(p.pattern));
    case 'enum': {
      const list = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return d('enum', `${field} must be one of: ${list}`, list);
    }
    case 'const':
      return d('const', `${field} must be ${JSON.stringify(p.allowedValue)}`, JSON.stringify(p.allowedValue));
    case 'minimum':
      return d('minimum', `${field} must be at least ${String(p.limit)}`, String(p.limit));
    case 'exclusiveMinimum':
      return d('exclusiveMinimum', `${field} must be greater than ${String(p.limit)}`, String(p.limit));
    case 'maximum':
      return d('maximum', `${field} must be at most ${String(p.limit)}`, String(p.limit));
    case 'exclusiveMaximum':
      return d('exclusiveMaximum', `${field} must be less than ${String(p.limit)}`, String(p.limit));
    case 'multipleOf':
      return d('multipleOf', `${field} must be a multiple of ${String(p.multipleOf)}`, String(p.multipleOf));
    case 'minLength':
      return p.limit === 1
        ? d('notEmpty', `${field} must not be empty`)
        : d('minLength', `${field} must be at least ${String(p.limit)} characters long`, String(p.limit));
    case 'maxLength':
      return d('maxLength', `${field} must be at most ${String(p.limit)} characters long`, String(p.limit));
    case 'minItems':
      return d(
        'minItems',
        `${field} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`,
        String(p.limit),
      );
    case 'maxItems':
      return d(
        'maxItems',
        `${field} must have at most ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`,
        String(p.limit),
      );
    case 'uniqueItems':
      return d('uniqueItems', `${field} must not contain the same item twice`);
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return d('unknownField', `${field} is not a known field`);
    case 'anyOf':
    case 'oneOf':
      return d('noForm', `${field} does not match any of the allowed forms`);
    case 'false schema':
      return d('notAllowed', `${field} is not allowed`);
    default:
      return d('other', `${field} ${e.message ?? 'is invalid'}`, e.message ?? 'is invalid');
  }
}
