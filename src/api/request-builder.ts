// Turns a RequestInput into exactly what goes on the wire: URL (encoded path parameters, `name[]` arrays),
// headers and body. Every input problem is reported here, before anything is sent.
import { authorizationHeader, type Credentials } from './auth';
import type { JsonSchema, OperationSpec } from './catalog';
import { ValidationError, type RequestProblem } from './errors';
import type { PreparedRequest, RequestInput } from './http-types';
import { describeMultipart } from './multipart';
import { MASKED, maskHeaders, maskUrl, redactSecrets } from './redact';
import { isSensitiveKey, maskSensitiveFields } from './sensitive';

export const ACCEPT = 'application/vnd.api.v2+json';

export interface BuildOptions {
  baseUrl: string;
  userAgent: string;
}

export function prepareRequest(input: RequestInput, creds: Credentials, options: BuildOptions): PreparedRequest {
  const op = input.operation;
  const path = buildPath(op, input.pathParams);
  const query = buildQuery(op, input.query);
  const url = buildUrl(op, options.baseUrl, path, query);
  const headers: Record<string, string> = {
    Accept: ACCEPT,
    Authorization: authorizationHeader(op.security, creds, op.id),
  };
  const prepared: PreparedRequest = { operationId: op.id, method: op.method, url, path, headers };
  if (op.requestBody?.contentType === 'multipart/form-data') {
    if (input.body !== undefined) {
      prepared.contentType = 'multipart/form-data';
      prepared.multipart = describeMultipart(input.body, op.id);
    }
  } else if (input.body !== undefined) {
    if (op.method === 'GET')
      throw invalid(op, [['body', 'bodyOnGet', 'a GET request carries no body; use query parameters']]);
    prepared.body = encodeJson(op, input.body);
    prepared.contentType = 'application/json';
    headers['Content-Type'] = 'application/json';
  }
  if (input.body === undefined && op.requestBody?.required) throw invalid(op, [['body', 'required', 'is required']]);
  headers['User-Agent'] = options.userAgent;
  return prepared;
}

/**
 * The same request with every credential masked — Authorization and other credential headers whatever their case,
 * credential query parameters, passwords and tokens in the body: safe to keep, log or show.
 */
export function maskRequest(request: PreparedRequest): PreparedRequest {
  const masked: PreparedRequest = { ...request, url: maskUrl(request.url), headers: maskHeaders(request.headers) };
  if (request.body !== undefined) masked.body = maskBody(request.body);
  if (request.multipart)
    masked.multipart = request.multipart.map((part) =>
      part.value !== undefined && isSensitiveKey(part.name) ? { ...part, value: MASKED } : part,
    );
  return masked;
}

function maskBody(body: string): string {
  try {
    return JSON.stringify(maskSensitiveFields(JSON.parse(body) as unknown));
  } catch {
    return redactSecrets(body);
  }
}

/** Each operation's path split once into literal text and parameter names: [text, name, text, name, …, text]. */
const pathTemplates = new WeakMap<OperationSpec, { path: string; parts: string[] }>();

function pathTemplate(op: OperationSpec): string[] {
  let template = pathTemplates.get(op);
  if (template?.path !== op.path) {
    template = { path: op.path, parts: op.path.split(/\{([^}]+)\}/) };
    pathTemplates.set(op, template);
  }
  return template.parts;
}

export function buildPath(op: OperationSpec, pathParams: Record<string, string | number> = {}): string {
  const errors: Problem[] = [];
  const parts = pathTemplate(op);
  let path = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    const raw = pathParams[name];
    const value = raw === undefined || raw === null ? '' : String(raw);
    if (value === '') errors.push([name, 'required', 'is required']);
    // Even encoded, "." and ".." are resolved by URL parsers and would address another resource.
    else if (value === '.' || value === '..') errors.push([name, 'dotSegment', 'cannot be "." or ".."']);
    else path += encodeURIComponent(value);
    path += parts[i + 1];
  }
  if (errors.length > 0) throw invalid(op, errors);
  return path;
}

/** Skips undefined, null and ''; arrays travel as `name[]=a&name[]=b`; objects as JSON. */
export function buildQuery(op: OperationSpec, query: Record<string, unknown> = {}): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (isBlank(value)) continue;
    const bracketed = key.endsWith('[]');
    const name = bracketed ? key.slice(0, -2) : key;
    const spec = op.parameters.find((p) => p.in === 'query' && p.name === name);
    if (Array.isArray(value) || bracketed || spec?.isArray) {
      const items: unknown[] = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (!isBlank(item))
          parts.push(`${encodeURIComponent(name)}[]=${encodeURIComponent(scalar(item, spec?.schema.items))}`);
      }
    } else {
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(scalar(value, spec?.schema))}`);
    }
  }
  return parts.join('&');
}

function buildUrl(op: OperationSpec, baseUrl: string, path: string, query: string): string {
  const url = `${baseUrl.replace(/\/+$/, '')}${path}${query ? `?${query}` : ''}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(op, [['baseUrl', 'notAbsoluteUrl', `"${baseUrl}" is not an absolute URL`]]);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw invalid(op, [['baseUrl', 'notHttpUrl', 'must start with https:// or http://']]);
  return url;
}

function scalar(value: unknown, schema: JsonSchema | undefined): string {
  // Altegio's integer flags (active=1) are often filled from checkboxes; send them the way it expects.
  if (typeof value === 'boolean' && hasType(schema, 'integer')) return value ? '1' : '0';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function hasType(schema: JsonSchema | undefined, type: string): boolean {
  const t = schema?.type;
  return Array.isArray(t) ? t.includes(type) : t === type;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function encodeJson(op: OperationSpec, body: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (e) {
    throw invalid(op, [['body', 'notJson', `cannot be sent as JSON (${e instanceof Error ? e.message : String(e)})`]]);
  }
  // JSON.stringify returns undefined for a function or a symbol.
  if (text === undefined) throw invalid(op, [['body', 'notJson', 'cannot be sent as JSON']]);
  return text;
}

/** One problem of the request: the field, what is wrong (for the host to word), and the same in English for logs. */
type Problem = [field: string, problem: RequestProblem, english: string];

function invalid(op: OperationSpec, problems: Problem[]): ValidationError {
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, , english] of problems) (fieldErrors[field] ??= []).push(english);
  const list = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field} ${messages.join(', ')}`)
    .join('; ');
  return new ValidationError(`${op.method} ${op.path} (${op.id}) was not sent: ${list}.`, {
    operationId: op.id,
    fieldErrors,
    sent: false,
    reason: { code: 'invalidRequest', problems: problems.map(([field, problem]) => ({ field, problem })) },
  });
}
