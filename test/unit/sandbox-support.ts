// Shared by the sandbox tests: a bare node:http client (the tests must not depend on the extension's client) and
// requests built from the OpenAPI document's own examples.
import * as http from 'http';
import type { OperationSpec, ParameterSpec } from '../../src/api/catalog';
import { startSandbox, type SandboxHandle } from '../../src/sandbox';
import { seedValue, withSeedIds } from './sandbox-seed-ids';

export const ACCEPT = 'application/vnd.api.v2+json';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Parsed JSON, or undefined for an empty body. */
  json: unknown;
}

export interface SendOptions {
  method?: string;
  /** Relative to the base URL (/api/v1), with any query string. */
  path: string;
  body?: unknown;
  /** A raw body, e.g. multipart; wins over `body`. */
  rawBody?: { contentType: string; data: Buffer };
  /** Which tokens go in the Authorization header (both by default). */
  auth?: 'partner' | 'partner+user' | 'none';
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export function authorization(
  handle: SandboxHandle,
  auth: SendOptions['auth'] = 'partner+user',
): Record<string, string> {
  if (auth === 'none') return {};
  const { partnerToken, userToken } = handle.credentials;
  return { Authorization: auth === 'partner' ? `Bearer ${partnerToken}` : `Bearer ${partnerToken}, User ${userToken}` };
}

export function send(handle: SandboxHandle, options: SendOptions): Promise<RawResponse> {
  const url = new URL(`${handle.baseUrl}${options.path}`);
  let payload: Buffer | undefined;
  const headers: Record<string, string> = { Accept: ACCEPT, ...authorization(handle, options.auth) };
  if (options.rawBody) {
    payload = options.rawBody.data;
    headers['Content-Type'] = options.rawBody.contentType;
  } else if (options.body !== undefined) {
    payload = Buffer.from(JSON.stringify(options.body));
    headers['Content-Type'] = 'application/json';
  }
  Object.assign(headers, options.headers);
  for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers, agent: false, timeout: options.timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

export function getStats(handle: SandboxHandle, method: string, path: string): number {
  return handle.stats().requests[`${method} ${path}`] ?? 0;
}

/**
 * A value for a parameter: its example, else its schema's example, else a value that suits its name
 * (the document gives no example for a few required query parameters such as date ranges).
 */
export function sampleValue(p: ParameterSpec): unknown {
  if (p.example !== undefined) return p.example;
  const examples = p.schema.examples;
  if (Array.isArray(examples) && examples.length) return examples[0];
  if (p.isArray) return [sampleScalar(p.name.replace(/_ids$/, '_id'), p.schema.items?.type)];
  return sampleScalar(p.name, p.schema.type);
}

function sampleScalar(name: string, type: unknown): unknown {
  if (/phone/.test(name)) return '13155550179';
  if (/(^|_)(from|start|after)|date_from|_from$/.test(name)) return '2026-03-01';
  if (/(^|_)(till|to|end|before)|date_to|_to$/.test(name)) return '2026-03-31';
  if (name === 'company_id' || name === 'salon_id' || name === 'location_id') return 720441;
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  return 'sample';
}

export interface ExampleRequest {
  method: string;
  path: string;
  body?: unknown;
  rawBody?: { contentType: string; data: Buffer };
  auth: 'partner' | 'partner+user';
}

/**
 * The request the document's examples describe: path examples (or the values in `pathParams`), required query
 * parameters, body example — with seeded ids where an example's id names nothing in the seed business.
 */
export function exampleRequest(op: OperationSpec, pathParams: Record<string, unknown> = {}): ExampleRequest {
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const p = op.parameters.find((x) => x.in === 'path' && x.name === name)!;
    return encodeURIComponent(String(name in pathParams ? pathParams[name] : seedValue(op.path, name, sampleValue(p))));
  });
  const query = new URLSearchParams();
  for (const p of op.parameters.filter((x) => x.in === 'query' && x.required)) {
    const value = seedValue(op.path, p.name, sampleValue(p));
    if (Array.isArray(value)) for (const v of value) query.append(`${p.name}[]`, String(v));
    else query.append(p.name, String(value));
  }
  const qs = query.toString();
  const request: ExampleRequest = {
    method: op.method,
    path: qs ? `${path}?${qs}` : path,
    auth: op.security === 'BearerPartner' ? 'partner' : 'partner+user',
  };
  const spec = op.requestBody;
  if (spec?.contentType === 'multipart/form-data') {
    request.rawBody = multipart(Object.keys(spec.schema.properties ?? {}));
  } else if (spec?.example !== undefined) {
    request.body = withSeedIds(spec.example);
  }
  return request;
}

/** A multipart body with a small PNG for every field (the only multipart operation uploads an image). */
export function multipart(fields: string[]): { contentType: string; data: Buffer } {
  const boundary = '----sandbox-test-boundary';
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  const parts = fields.map((name) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from('\r\n'),
    ]),
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    data: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
  };
}

/**
 * One sandbox (rate limit off) for the enclosing `describe`, put back to its seed state, with no faults and zeroed
 * stats, before each test. The returned object forwards to the running sandbox, so tests use it as the handle.
 */
export function sharedSandbox(): SandboxHandle {
  let handle: SandboxHandle | undefined;
  before(async () => {
    handle = await startSandbox({ rateLimit: false });
  });
  after(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await handle!.reset();
    handle!.setFaults(undefined);
    handle!.resetStats();
  });
  return new Proxy({} as SandboxHandle, {
    get(_target, key) {
      if (!handle) throw new Error('the shared sandbox is used before its before() hook ran');
      const value = Reflect.get(handle, key, handle) as unknown;
      return typeof value === 'function' ? value.bind(handle) : value;
    },
  });
}
