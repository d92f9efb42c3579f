// The client's transport over node:http against real local servers: what it sends, what it reads (chunked,
// compressed, big), its deadline, cancellation, its body limit, and how far an exchange got when it failed.
import * as assert from 'assert';
import * as zlib from 'zlib';
import { AltegioClient } from '../../src/api/client';
import { InvalidResponseError, NetworkError, OutcomeUnknownError, isAltegioError } from '../../src/api/errors';
import { exchange, ExchangeFailure, type ExchangeOptions, type WireRequest } from '../../src/api/http-transport';
import { TOKENS, operation } from './helpers/operations';
import { refusedBaseUrl, startServer, type Handler, type TestServer } from './helpers/test-server';

const servers: TestServer[] = [];
async function serve(handler: Handler, options?: { readBody?: boolean }): Promise<TestServer> {
  const server = await startServer(handler, options);
  servers.push(server);
  return server;
}

async function failed(promise: Promise<unknown>): Promise<ExchangeFailure> {
  const e = await promise.then(
    () => assert.fail('expected the exchange to fail'),
    (error: unknown) => error,
  );
  assert.ok(e instanceof ExchangeFailure, `expected an ExchangeFailure, got ${String(e)}`);
  return e;
}

const get = (url: string): WireRequest => ({ url, method: 'GET', headers: {} });
const options = (extra: Partial<ExchangeOptions> = {}): ExchangeOptions => ({ timeoutMs: 5000, ...extra });

describe('HTTP transport (node:http)', () => {
  afterEach(async () => {
    while (servers.length) await servers.pop()!.close();
  });

  it('sends the method, headers and body with its length, and reads status, headers and body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(201, 'Made', [
        ['Content-Type', 'application/json'],
        ['X-Many', 'a'],
        ['X-Many', 'b'],
      ]);
      res.end('{"ok":true}');
    });
    const res = await exchange(
      { url: `${server.baseUrl}/things`, method: 'POST', headers: { 'X-Token': 't' }, body: '{"name":"Ёж"}' },
      options(),
    );
    assert.strictEqual(res.status, 201);
    assert.strictEqual(res.statusText, 'Made');
    assert.strictEqual(res.headers['content-type'], 'application/json');
    assert.strictEqual(res.headers['x-many'], 'a, b');
    assert.strictEqual(Buffer.from(res.bytes).toString(), '{"ok":true}');
    const [sent] = server.requests;
    assert.strictEqual(sent.method, 'POST');
    assert.strictEqual(sent.url, '/api/v1/things');
    assert.strictEqual(sent.headers['x-token'], 't');
    assert.strictEqual(sent.headers['content-length'], String(Buffer.byteLength('{"name":"Ёж"}')));
    assert.strictEqual(sent.body, '{"name":"Ёж"}');
  });

  it('reports a redirect as it is, without following it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(302, { Location: 'http://elsewhere.invalid/' });
      res.end();
    });
    const res = await exchange(get(`${server.baseUrl}/a`), options());
    assert.strictEqual(res.status, 302);
    assert.strictEqual(res.headers.location, 'http://elsewhere.invalid/');
    assert.strictEqual(server.requests.length, 1);
  });

  it('reads a big chunked body whole, in order', async () => {
    const chunk = (i: number) => Buffer.alloc(64 * 1024, i % 251);
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      for (let i = 0; i < 80; i++) {
        res.write(chunk(i));
        if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5));
      }
      res.end();
    });
    const res = await exchange(get(`${server.baseUrl}/big`), options());
    assert.strictEqual(res.headers['transfer-encoding'], 'chunked');
    assert.strictEqual(res.bytes.length, 80 * 64 * 1024);
    assert.ok(Buffer.from(res.bytes).equals(Buffer.concat(Array.from({ length: 80 }, (_, i) => chunk(i)))));
  });

  for (const [coding, compress] of [
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const) {
    it(`asks for compressed answers and decodes ${coding}`, async () => {
      const text = JSON.stringify({ data: Array.from({ length: 500 }, (_, i) => ({ id: i, name: `Client ${i}` })) });
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'Content-Encoding': coding });
        res.end(compress(Buffer.from(text)));
      });
      const res = await exchange(get(`${server.baseUrl}/z`), options());
      assert.strictEqual(Buffer.from(res.bytes).toString(), text);
      assert.match(String(server.requests[0].headers['accept-encoding']), new RegExp(coding));
    });
  }

  describe('body limit', () => {
    it('refuses a body whose declared length is over the limit, without reading it', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'Content-Length': 2000 });
        res.end(Buffer.alloc(2000));
      });
      const e = await failed(exchange(get(`${server.baseUrl}/x`), options({ maxBodyBytes: 1000 })));
      assert.strictEqual(e.phase, 'response');
      assert.deepStrictEqual(e.details, { status: 200, tooLarge: 1000 });
    });

    it('stops reading a chunked body once it passes the limit', async () => {
      let written = 0;
      const server = await serve(async (_req, res) => {
        res.writeHead(200);
        // Up to 64 MB, unless the client hangs up first.
        while (written < 64 * 1024 * 1024 && !res.destroyed) {
          res.write(Buffer.alloc(64 * 1024));
          written += 64 * 1024;
          await new Promise((r) => setImmediate(r));
        }
        res.end();
      });
      const e = await failed(exchange(get(`${server.baseUrl}/x`), options({ maxBodyBytes: 256 * 1024 })));
      assert.deepStrictEqual(e.details, { status: 200, tooLarge: 256 * 1024 });
      assert.ok(written < 64 * 1024 * 1024, 'the transport hung up');
    });

    it('stops decompressing a body that inflates past the limit', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'Content-Encoding': 'gzip' });
        res.end(zlib.gzipSync(Buffer.alloc(10 * 1024 * 1024)));
      });
      const e = await failed(exchange(get(`${server.baseUrl}/x`), options({ maxBodyBytes: 1024 * 1024 })));
      assert.deepStrictEqual(e.details, { status: 200, tooLarge: 1024 * 1024 });
    });

    it('makes the client report an answer over its limit as an invalid response with the status', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ success: true, data: 'x'.repeat(5000), meta: [] }));
      });
      const client = new AltegioClient({
        baseUrl: server.baseUrl,
        credentials: () => TOKENS,
        rateLimiter: null,
        maxBodyBytes: 2 * 1024 * 1024,
      });
      const small = new AltegioClient({
        baseUrl: server.baseUrl,
        credentials: () => TOKENS,
        rateLimiter: null,
        maxBodyBytes: 1000,
      });
      const list = operation({ method: 'GET', path: '/things' });
      assert.strictEqual((await client.send({ operation: list })).status, 200);
      const e = await small.send({ operation: list }).then(
        () => assert.fail('expected a failure'),
        (error: unknown) => error,
      );
      assert.ok(e instanceof InvalidResponseError, String(e));
      assert.strictEqual(e.status, 200);
      assert.deepStrictEqual(e.reason, { code: 'tooLarge', limitBytes: 1000 });
      assert.match(e.message, /answered 200 with a body longer than 1000 bytes; it was not read/);
    });
  });

  describe('deadline and cancellation', () => {
    it('gives up on a server that never answers, saying nothing arrived', async () => {
      const server = await serve(() => undefined);
      const started = Date.now();
      const e = await failed(exchange(get(`${server.baseUrl}/x`), options({ timeoutMs: 100 })));
      assert.strictEqual(e.phase, 'request');
      assert.strictEqual(e.details.aborted, 'timeout');
      assert.ok(Date.now() - started >= 95);
    });

    it('counts the deadline to the body’s last byte: a stalled body times out in the response phase', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'Content-Length': 100 });
        res.write('partial');
      });
      const e = await failed(exchange(get(`${server.baseUrl}/x`), options({ timeoutMs: 150 })));
      assert.strictEqual(e.phase, 'response');
      assert.deepStrictEqual(e.details, { status: 200, aborted: 'timeout' });
    });

    it('sends nothing when the signal is already aborted', async () => {
      const server = await serve((_req, res) => void res.end());
      const controller = new AbortController();
      controller.abort();
      const e = await failed(exchange(get(`${server.baseUrl}/x`), options({ signal: controller.signal })));
      assert.strictEqual(e.details.aborted, 'cancelled');
      await new Promise((r) => setTimeout(r, 50));
      assert.strictEqual(server.requests.length, 0);
    });

    it('cancels an exchange in flight and closes its connection', async () => {
      let closed = false;
      const server = await serve((req) => {
        req.socket.on('close', () => (closed = true));
      });
      const controller = new AbortController();
      const pending = exchange(get(`${server.baseUrl}/x`), options({ signal: controller.signal }));
      while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
      controller.abort();
      const e = await failed(pending);
      assert.strictEqual(e.phase, 'request');
      assert.strictEqual(e.details.aborted, 'cancelled');
      await new Promise((r) => setTimeout(r, 50));
      assert.ok(closed, 'the server saw the connection close');
    });

    it('leaves no timer behind: a finished exchange does not keep Node alive', async () => {
      const server = await serve((_req, res) => void res.end('ok'));
      const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      await exchange(get(`${server.baseUrl}/x`), options({ timeoutMs: 60_000 }));
      const after = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      assert.ok(after <= before, `${after - before} timer(s) left running`);
    });
  });

  describe('connection failures', () => {
    it('reports a refused connection in the request phase with its system code', async () => {
      const e = await failed(exchange(get(`${await refusedBaseUrl()}/x`), options()));
      assert.strictEqual(e.phase, 'request');
      assert.strictEqual((e.cause as { code?: string }).code, 'ECONNREFUSED');
    });

    it('reports a connection dropped mid-body in the response phase with the status', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'Content-Length': 1000 });
        res.write('the beginning');
        setTimeout(() => res.socket?.destroy(), 20);
      });
      const e = await failed(exchange(get(`${server.baseUrl}/x`), options()));
      assert.strictEqual(e.phase, 'response');
      assert.strictEqual(e.details.status, 200);
      assert.strictEqual((e.cause as { code?: string }).code, 'ECONNRESET');
    });

    it('makes the client say a dropped read failed, and a dropped write may have taken effect', async () => {
      const server = await serve((req) => void req.socket.destroy(), { readBody: false });
      const client = new AltegioClient({
        baseUrl: server.baseUrl,
        credentials: () => TOKENS,
        rateLimiter: null,
        retry: { maxRetries: 0 },
      });
      const outcome = (p: Promise<unknown>) =>
        p.then(
          () => assert.fail('expected a failure'),
          (e: unknown) => e,
        );
      const read = await outcome(client.send({ operation: operation({ method: 'GET', path: '/things' }) }));
      assert.ok(read instanceof NetworkError, String(read));
      assert.deepStrictEqual(read.reason, { code: 'dropped', whileReading: false, systemCode: 'ECONNRESET' });
      const write = await outcome(
        client.send({ operation: operation({ method: 'POST', path: '/things' }), body: { name: 'x' } }),
      );
      assert.ok(write instanceof OutcomeUnknownError, String(write));
      assert.ok(isAltegioError(write) && write.sent);
      assert.strictEqual(server.requests.length, 2, 'the write was sent once, never retried');
    });
  });
});
