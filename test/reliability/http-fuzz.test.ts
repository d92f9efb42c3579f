// Property-based HTTP fuzzing of the sandbox, run as its own process with a data file: random methods, request
// targets built from the OpenAPI document's paths with hostile ids and queries, Host/Accept/Authorization/
// Content-Type variants, bodies (the document's examples with a field replaced, any JSON, deep and wide nesting,
// raw bytes, oversized), chunked or not. Every answer must be below 500 and, when it is an error, Altegio's
// envelope; the process must stay up, stop cleanly, and start again from its data file.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { getCatalog, type OperationSpec } from '../../src/api/catalog';
import { DEMO_CREDENTIALS } from '../../src/sandbox';
import { startSandboxProcess, type SandboxProcess } from '../unit/helpers/sandbox-process';
import { ACCEPT, exampleRequest } from '../unit/sandbox-support';
import { count, note } from './figures';
import { PROFILE } from './profile';
import { encodeRequest, exchange, type RawAnswer, type RawRequest } from './raw-http';

const RUNS = PROFILE.httpFuzzRequests;
const OPERATIONS = getCatalog().operations;
const PARTNER = DEMO_CREDENTIALS.partnerToken;
const USER = DEMO_CREDENTIALS.userToken;

const printable = (max: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: max });

const idArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('720441', '720442', '706028', '4240788', '9250498', '8230', '8886', '331') },
  { weight: 2, arbitrary: fc.integer().map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0',
      '-1',
      '99999999999999999999',
      '1e3',
      '0x10',
      '%00',
      '..',
      '.',
      '%2e%2e',
      '%2F',
      '',
      '%zz',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }).map(encodeURI) },
);

const queryArb = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('page', 'count', 'page_size', 'ids[]', 'staff_id', 'start_date', 'fields[]'),
        printable(12),
      ),
      fc.oneof(fc.integer().map(String), printable(30), fc.constantFrom('', '2026-03-05', 'true', 'null', '[]')),
    ),
    { maxLength: 6 },
  )
  .map((pairs) =>
    pairs.length
      ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k).replace(/%5B%5D$/, '[]')}=${encodeURIComponent(v)}`).join('&')}`
      : '',
  );

function operationTarget(op: OperationSpec, ids: string[], query: string): string {
  let i = 0;
  return `/api/v1${op.path.replace(/\{[^}]+\}/g, () => ids[i++ % ids.length])}${query}`;
}

const targetArb = (op: OperationSpec) =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .tuple(fc.array(idArb, { minLength: 1, maxLength: 4 }), queryArb)
        .map(([ids, q]) => operationTarget(op, ids, q)),
    },
    { weight: 3, arbitrary: fc.constant(exampleRequest(op).path).map((p) => `/api/v1${p}`) },
    {
      weight: 1,
      arbitrary: fc
        .string({ maxLength: 60 })
        // Whitespace and control characters would end the request line: those are percent-encoded.
        .map(
          (s) =>
            `/api/v1/${[...s].map((c) => (c.charCodeAt(0) <= 0x20 || c === '\u007f' ? encodeURIComponent(c) : c)).join('')}`,
        ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '*',
        'http://[',
        '//[',
        '/\\[',
        'http://127.0.0.1:PORT/api/v1/company/720441',
        'http://evil.example/api/v1/company/720441',
        '/__sandbox/info',
        '/__sandbox/stats',
        '/__sandbox/nope',
        '/',
        '/api',
        '/api/v1',
        '/api/v1/',
      ),
    },
  );

/** A request body that prints as its size and first bytes, so a counterexample stays readable. */
class Body {
  constructor(readonly bytes: Buffer) {}
  [fc.toStringMethod](): string {
    return `Body(${this.bytes.length} bytes: ${JSON.stringify(this.bytes.subarray(0, 60).toString('latin1'))})`;
  }
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function withField(example: unknown, field: string, value: unknown): unknown {
  if (example && typeof example === 'object' && !Array.isArray(example)) return { ...example, [field]: value };
  return { [field]: value };
}

const bodyArb = (op: OperationSpec) => {
  const example = op.requestBody?.example;
  const fields = example && typeof example === 'object' ? Object.keys(example) : ['custom_fields'];
  const json = (v: unknown) => new Body(Buffer.from(JSON.stringify(v) ?? 'null'));
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constant(json(example ?? {})) },
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.constantFrom(...fields, 'custom_fields', 'phone'), fc.jsonValue({ maxDepth: 4 }))
        .map(([f, v]) => json(withField(example, f, v))),
    },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 5 }).map(json) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 20, max: 3000 }).map((d) => json(withField(example, 'custom_fields', nested(d)))),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 900, max: 2500 })
        .map((n) =>
          json(
            withField(example, 'custom_fields', Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
          ),
        ),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => new Body(Buffer.from(b))) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{',
          '[]',
          'null',
          '"x"',
          '1e999',
          '\uFEFF{}',
          '{"__proto__":{"polluted":1},"name":"P","phone":"13155550999"}',
          '{"constructor":{"prototype":{"x":1}}}',
          `{"comment":"${'x'.repeat(1024 * 1024 + 10)}"}`,
          '\xff\xfe\x00{',
        )
        .map((s) => new Body(Buffer.from(s, s.startsWith('\xff') ? 'latin1' : 'utf8'))),
    },
  );
};

const headerArb = fc.record({
  host: fc.oneof(
    { weight: 20, arbitrary: fc.constant('127.0.0.1:PORT') },
    { weight: 3, arbitrary: fc.constant('localhost:PORT') },
    { weight: 1, arbitrary: fc.constantFrom('evil.example', 'evil.example:PORT', '127.0.0.1:1', '', 'LOCALHOST:PORT') },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
  accept: fc.oneof(
    { weight: 12, arbitrary: fc.constant(ACCEPT) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        undefined,
        '*/*',
        'application/json',
        `${ACCEPT}; charset=utf-8`,
        `text/html, ${ACCEPT};q=0.9`,
      ),
    },
    { weight: 1, arbitrary: printable(40) },
  ),
  authorization: fc.oneof(
    { weight: 12, arbitrary: fc.constant(`Bearer ${PARTNER}, User ${USER}`) },
    { weight: 2, arbitrary: fc.constant(`Bearer ${PARTNER}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        undefined,
        'Bearer',
        'Bearer ',
        `Bearer ${PARTNER}, User `,
        `Bearer ${PARTNER}, User x`,
        `User ${USER}`,
        'Basic Zm9vOmJhcg==',
      ),
    },
    { weight: 1, arbitrary: printable(80) },
  ),
  contentType: fc.oneof(
    { weight: 10, arbitrary: fc.constant('application/json') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        undefined,
        'text/plain',
        'application/json; charset=utf-16',
        'multipart/form-data; boundary=xyz',
        'multipart/form-data',
        'application/x-www-form-urlencoded',
      ),
    },
    { weight: 1, arbitrary: printable(40) },
  ),
  encoding: fc.constantFrom(undefined, undefined, undefined, 'gzip', 'identity', 'br'),
  extra: fc.array(fc.tuple(fc.stringMatching(/^x-fuzz-[a-z0-9-]{1,16}$/), printable(120)), { maxLength: 4 }),
  chunked: fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 4096 })),
});

const methodArb = (op: OperationSpec) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(op.method) },
    { weight: 3, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE') },
    { weight: 1, arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'PROPFIND', 'get', 'FOO', 'G E T') },
  );

const requestArb = fc
  .constantFrom(...OPERATIONS)
  .chain((op) => fc.record({ method: methodArb(op), target: targetArb(op), headers: headerArb, body: bodyArb(op) }));

type Generated = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

function toRaw(g: Generated, port: number): RawRequest {
  const fill = (v: string) => v.replace('PORT', String(port));
  const headers: [string, string][] = [];
  if (g.headers.host !== undefined) headers.push(['Host', fill(g.headers.host)]);
  if (g.headers.accept !== undefined) headers.push(['Accept', g.headers.accept]);
  if (g.headers.authorization !== undefined) headers.push(['Authorization', g.headers.authorization]);
  if (g.body && g.headers.contentType !== undefined) headers.push(['Content-Type', g.headers.contentType]);
  if (g.headers.encoding) headers.push(['Content-Encoding', g.headers.encoding]);
  headers.push(...g.headers.extra);
  return { method: g.method, target: fill(g.target), headers, body: g.body?.bytes, chunked: g.headers.chunked };
}

/** What is wrong with the answer, or undefined. */
function problem(req: RawRequest, res: RawAnswer): string | undefined {
  if (res.status >= 500) return `answered ${res.status}`;
  if (req.method === 'HEAD' || res.status === 204 || res.status === 304)
    return res.body.length ? `a ${res.status} answer to ${req.method} with a body` : undefined;
  let json: unknown;
  try {
    json = JSON.parse(res.body.toString('utf8'));
  } catch {
    return `answered ${res.status} with a body that is not JSON: ${res.body.subarray(0, 120).toString('latin1')}`;
  }
  if (res.status >= 400) {
    const e = json as { success?: unknown; data?: unknown; meta?: { message?: unknown } };
    if (e?.success !== false || e.data !== null || typeof e.meta?.message !== 'string' || !e.meta.message)
      return `answered ${res.status} without the error envelope: ${res.body.subarray(0, 200).toString('utf8')}`;
  }
  return undefined;
}

describe('HTTP fuzzing of the sandbox (property)', function () {
  this.timeout(300_000);
  let dir: string;
  let file: string;
  let sandbox: SandboxProcess;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-fuzz-'));
    file = path.join(dir, 'data.json');
    sandbox = await startSandboxProcess(file);
  });
  after(async () => {
    await sandbox?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`answers ${RUNS} random requests below 500, errors always in the envelope, and stays up`, async () => {
    const statuses = new Map<number, number>();
    count('HTTP fuzz: bad answers', 0);
    await fc.assert(
      fc.asyncProperty(requestArb, async (generated) => {
        const req = toRaw(generated, sandbox.port);
        const res = await exchange(sandbox.port, encodeRequest(req), { head: req.method === 'HEAD' }).catch(
          (e: Error) => {
            throw new Error(
              `${e.message}; the sandbox ${sandbox.child.exitCode === null ? 'runs' : 'stopped'}: ${sandbox.output().slice(-3000)}`,
            );
          },
        );
        count('HTTP fuzz: requests tried');
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const wrong = problem(req, res);
        if (wrong) count('HTTP fuzz: bad answers');
        assert.strictEqual(
          wrong,
          undefined,
          `${req.method} ${req.target.slice(0, 200)}: ${wrong}\n${sandbox.output().split('Press Ctrl+C to stop.')[1]?.slice(-3000) ?? ''}`,
        );
      }),
      { numRuns: RUNS },
    );
    note(
      'HTTP fuzz: statuses seen',
      [...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' '),
    );
    assert.strictEqual(sandbox.child.exitCode, null, `the sandbox stopped: ${sandbox.output().slice(-2000)}`);

    // A clean stop, and a start from what it wrote: the data file and journal hold only what can be read back.
    assert.strictEqual(await sandbox.stop(), 0, sandbox.output().slice(-2000));
    sandbox = await startSandboxProcess(file);
    const info = await exchange(
      sandbox.port,
      encodeRequest({ method: 'GET', target: '/__sandbox/info', headers: [['Host', `127.0.0.1:${sandbox.port}`]] }),
    );
    assert.strictEqual(info.status, 200);
    count('HTTP fuzz: sandbox crashes', 0);
  });
});
