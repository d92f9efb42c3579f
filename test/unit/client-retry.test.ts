import * as assert from 'assert';
import { AltegioClient } from '../../src/api/client';
import type { HttpMethod } from '../../src/api/catalog';
import { OutcomeUnknownError } from '../../src/api/errors';
import type { RequestEvent } from '../../src/api/http-types';
import { refusedBaseUrl, sendJson, startServer, type Handler, type TestServer } from './helpers/test-server';
import { TOKENS, operation } from './helpers/operations';
import { failure } from './helpers/failure';

const WRITES: HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
const ok = { success: true, data: { id: 1 }, meta: [] };

describe('retry rules', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** A client that would retry eagerly (no backoff), so any retry would show in the server's count. */
  function eagerClient(
    baseUrl: string,
    events: RequestEvent[] = [],
    extra: { timeoutMs?: number; maxRetries?: number } = {},
  ): AltegioClient {
    return new AltegioClient({
      baseUrl,
      credentials: () => TOKENS,
      rateLimiter: null,
      retry: { maxRetries: extra.maxRetries ?? 3, random: () => 0 },
      timeoutMs: extra.timeoutMs,
      onEvent: (e) => events.push(e),
    });
  }

  async function serve(handler: Handler, options?: { readBody?: boolean }): Promise<TestServer> {
    server = await startServer(handler, options);
    return server;
  }

  const write = (method: HttpMethod) => operation({ method, path: '/loyalty/cards/{location_id}' });
  const read = operation({ method: 'GET', path: '/loyalty/cards/{location_id}' });

  describe('writes are never sent twice', () => {
    it('never retries a POST after a 503, even with Retry-After: 0', async () => {
      const s = await serve((_req, res) =>
        sendJson(res, 503, { success: false, meta: { message: 'Maintenance' } }, { 'Retry-After': '0' }),
      );
      const e = await failure(
        eagerClient(s.baseUrl).send({ operation: write('POST'), pathParams: { location_id: 1 }, body: { a: 1 } }),
      );
      assert.strictEqual(e.kind, 'server');
      assert.strictEqual(e.advice, 'checkWriteAfterServerError');
      assert.strictEqual(s.requests.length, 1);
    });

    it('never retries a POST after a 429', async () => {
      const s = await serve((_req, res) =>
        sendJson(res, 429, { success: false, meta: { message: 'Slow down' } }, { 'Retry-After': '0' }),
      );
      const e = await failure(
        eagerClient(s.baseUrl).send({ operation: write('POST'), pathParams: { location_id: 1 }, body: { a: 1 } }),
      );
      assert.strictEqual(e.kind, 'rate_limited');
      assert.strictEqual(s.requests.length, 1);
    });

    it('never retries a POST after a connection reset before the body is read, and calls its outcome unknown', async () => {
      const s = await serve(
        (req) => {
          req.socket.destroy();
        },
        { readBody: false },
      );
      const e = await failure(
        eagerClient(s.baseUrl).send({
          operation: write('POST'),
          pathParams: { location_id: 1 },
          body: { big: 'x'.repeat(200_000) },
        }),
      );
      assert.strictEqual(s.requests.length, 1);
      assert.ok(e instanceof OutcomeUnknownError, `${e.kind}: ${e.message}`);
      assert.strictEqual(e.sent, true);
    });

    for (const method of WRITES) {
      it(`never retries a ${method} after a connection reset once the body was read: outcome unknown`, async () => {
        const s = await serve((req) => {
          req.socket.destroy();
        });
        const e = await failure(
          eagerClient(s.baseUrl).send({ operation: write(method), pathParams: { location_id: 1 }, body: { a: 1 } }),
        );
        assert.strictEqual(s.requests.length, 1);
        assert.strictEqual(s.requests[0].body, '{"a":1}', 'the server had the whole body');
        assert.ok(e instanceof OutcomeUnknownError, `${e.kind}: ${e.message}`);
        assert.match(
          e.message,
          new RegExp(`${method} /loyalty/cards/1 .* was sent but the connection dropped before an answer arrived`),
        );
        assert.strictEqual(e.advice, 'outcome_unknown');
        assert.strictEqual(e.reason.code, 'dropped');
      });
    }

    it('never retries a DELETE that timed out: outcome unknown', async () => {
      const s = await serve(() => undefined);
      const e = await failure(
        eagerClient(s.baseUrl, [], { timeoutMs: 100 }).send({
          operation: write('DELETE'),
          pathParams: { location_id: 1 },
        }),
      );
      assert.ok(e instanceof OutcomeUnknownError, e.kind);
      assert.match(e.message, /no answer came within 100 ms/);
      assert.strictEqual(s.requests.length, 1);
    });

    it('calls a POST whose answer is cut off while being read outcome unknown, with the status it saw', async () => {
      const s = await serve((_req, res) => {
        res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': '500' });
        res.write('{"success":true,"data":{"id":');
        setTimeout(() => res.socket?.destroy(), 20);
      });
      const e = await failure(
        eagerClient(s.baseUrl).send({ operation: write('POST'), pathParams: { location_id: 1 }, body: {} }),
      );
      assert.ok(e instanceof OutcomeUnknownError, `${e.kind}: ${e.message}`);
      assert.strictEqual(e.status, 201);
      assert.match(e.message, /while its answer \(201\) was being read/);
      assert.strictEqual(s.requests.length, 1);
    });

    it('calls a refused POST a network error that sent nothing, not an unknown outcome, and does not retry it', async () => {
      const events: RequestEvent[] = [];
      const e = await failure(
        eagerClient(await refusedBaseUrl(), events).send({
          operation: write('POST'),
          pathParams: { location_id: 1 },
          body: {},
        }),
      );
      assert.strictEqual(e.kind, 'network');
      assert.strictEqual(e.sent, false);
      assert.deepStrictEqual(
        events.map((x) => x.phase),
        ['start', 'end'],
      );
    });
  });

  describe('GETs are retried when it is safe and useful', () => {
    it('waits at least Retry-After: 1 after a 429, then succeeds', async () => {
      const s = await serve((_req, res) => {
        if (s.requests.length === 1)
          sendJson(res, 429, { success: false, meta: { message: 'Too many requests' } }, { 'Retry-After': '1' });
        else sendJson(res, 200, ok);
      });
      const events: RequestEvent[] = [];
      const started = performance.now();
      const response = await eagerClient(s.baseUrl, events).send({ operation: read, pathParams: { location_id: 1 } });
      const elapsed = performance.now() - started;
      assert.strictEqual(response.status, 200);
      assert.strictEqual(response.attempts, 2);
      assert.ok(elapsed >= 1000, `retried after ${elapsed} ms`);
      assert.strictEqual(s.requests.length, 2);
      const retry = events.find((x) => x.phase === 'retry');
      assert.ok(retry && retry.phase === 'retry');
      assert.strictEqual(retry.delayMs, 1000);
      assert.strictEqual(retry.status, 429);
      assert.strictEqual(retry.errorKind, 'rate_limited');
      assert.strictEqual(retry.attempt, 2);
    });

    it('retries a GET after a 503', async () => {
      const s = await serve((_req, res) =>
        s.requests.length === 1
          ? sendJson(res, 503, { success: false, meta: { message: 'Busy' } })
          : sendJson(res, 200, ok),
      );
      const response = await eagerClient(s.baseUrl).send({ operation: read, pathParams: { location_id: 1 } });
      assert.deepStrictEqual(response.data, { id: 1 });
      assert.strictEqual(response.attempts, 2);
      assert.strictEqual(s.requests.length, 2);
    });

    it('retries a GET after a connection reset', async () => {
      const s = await serve((req, res) => {
        if (s.requests.length === 1) req.socket.destroy();
        else sendJson(res, 200, ok);
      });
      const response = await eagerClient(s.baseUrl).send({ operation: read, pathParams: { location_id: 1 } });
      assert.strictEqual(response.attempts, 2);
    });

    it('retries a GET that timed out', async () => {
      const s = await serve((_req, res) => {
        if (s.requests.length > 1) sendJson(res, 200, ok);
      });
      const response = await eagerClient(s.baseUrl, [], { timeoutMs: 100 }).send({
        operation: read,
        pathParams: { location_id: 1 },
      });
      assert.strictEqual(response.attempts, 2);
    });

    it('gives up on a GET after maxRetries, with the last error and the attempt count', async () => {
      const s = await serve((_req, res) => sendJson(res, 503, { success: false, meta: { message: 'Down' } }));
      const events: RequestEvent[] = [];
      const e = await failure(
        eagerClient(s.baseUrl, events, { maxRetries: 2 }).send({ operation: read, pathParams: { location_id: 1 } }),
      );
      assert.strictEqual(s.requests.length, 3);
      assert.strictEqual(e.kind, 'server');
      assert.strictEqual(e.response?.attempts, 3);
      assert.deepStrictEqual(
        events.map((x) => x.phase),
        ['start', 'retry', 'start', 'retry', 'start', 'end'],
      );
    });

    it('does not retry when Retry-After asks for longer than maxDelayMs, and reports how long to wait', async () => {
      const s = await serve((_req, res) =>
        sendJson(res, 429, { success: false, meta: { message: 'Later' } }, { 'Retry-After': '120' }),
      );
      const started = performance.now();
      const e = await failure(eagerClient(s.baseUrl).send({ operation: read, pathParams: { location_id: 1 } }));
      assert.strictEqual(e.kind, 'rate_limited');
      assert.strictEqual(e.retryAfterMs, 120_000);
      assert.strictEqual(s.requests.length, 1);
      assert.ok(performance.now() - started < 1000);
    });

    for (const status of [400, 401, 404, 500]) {
      it(`does not retry a GET after a ${status}`, async () => {
        const s = await serve((_req, res) => sendJson(res, status, { success: false, meta: { message: 'No' } }));
        await failure(eagerClient(s.baseUrl).send({ operation: read, pathParams: { location_id: 1 } }));
        assert.strictEqual(s.requests.length, 1);
      });
    }

    it('stops waiting to retry as soon as the caller cancels', async () => {
      const s = await serve((_req, res) =>
        sendJson(res, 429, { success: false, meta: { message: 'Later' } }, { 'Retry-After': '20' }),
      );
      const controller = new AbortController();
      const client = new AltegioClient({
        baseUrl: s.baseUrl,
        credentials: () => TOKENS,
        rateLimiter: null,
        retry: { maxDelayMs: 60_000 },
      });
      const pending = client.send({ operation: read, pathParams: { location_id: 1 }, signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      const started = performance.now();
      const e = await failure(pending);
      assert.strictEqual(e.kind, 'cancelled');
      assert.match(e.message, /cancelled while it waited to be retried/);
      assert.ok(performance.now() - started < 2000);
      assert.strictEqual(s.requests.length, 1);
    });
  });
});
