import * as assert from 'assert';
import { AltegioClient } from '../../src/api/client';
import { getCatalog } from '../../src/api/catalog';
import { CancelledError } from '../../src/api/errors';
import type { RequestEvent } from '../../src/api/http-types';
import { CLOCK_TOLERANCE_MS, RateLimiter } from '../../src/api/rate-limiter';
import { FakeClock, flush } from './helpers/fake-clock';
import { sendJson, startServer, type Handler, type TestServer } from './helpers/test-server';
import { TOKENS, operation } from './helpers/operations';
import { failure } from './helpers/failure';

const get = operation({ method: 'GET', path: '/things/{id}' });
const post = operation({ method: 'POST', path: '/things' });

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(condition(), what);
}

describe('AltegioClient', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  async function serve(handler: Handler): Promise<TestServer> {
    server = await startServer(handler);
    return server;
  }
  const clientFor = (s: TestServer, extra: Partial<ConstructorParameters<typeof AltegioClient>[0]> = {}) =>
    new AltegioClient({
      baseUrl: s.baseUrl,
      credentials: () => TOKENS,
      rateLimiter: null,
      retry: { random: () => 0 },
      ...extra,
    });

  describe('responses', () => {
    it('unwraps the envelope and reports status, headers, size, duration and attempts', async () => {
      const body = { success: true, data: [{ id: 1, title: 'Café' }], meta: { total_count: 1 } };
      const s = await serve((_req, res) => sendJson(res, 200, body, { 'X-Request-Id': 'abc' }));
      const r = await clientFor(s).send({ operation: get, pathParams: { id: 5 } });
      const text = JSON.stringify(body);
      assert.strictEqual(r.status, 200);
      assert.strictEqual(r.statusText, 'OK');
      assert.strictEqual(r.ok, true);
      assert.deepStrictEqual(r.data, body.data);
      assert.deepStrictEqual(r.meta, body.meta);
      assert.deepStrictEqual(r.body, body);
      assert.strictEqual(r.rawText, text);
      assert.strictEqual(r.sizeBytes, Buffer.byteLength(text), 'bytes, not characters');
      assert.ok(r.sizeBytes > text.length);
      assert.strictEqual(r.headers['x-request-id'], 'abc');
      assert.strictEqual(r.headers['content-type'], 'application/json');
      assert.ok(r.durationMs > 0 && r.durationMs < 5000, String(r.durationMs));
      assert.strictEqual(r.attempts, 1);
      assert.strictEqual(r.request.path, '/things/5');
      assert.strictEqual(r.request.url, `${s.baseUrl}/things/5`);
      assert.strictEqual(r.request.headers.Authorization, 'Bearer ***, User ***');
    });

    it('gives data undefined for a 204 with no body', async () => {
      const s = await serve((_req, res) => {
        res.writeHead(204);
        res.end();
      });
      const r = await clientFor(s).send({
        operation: operation({ method: 'DELETE', path: '/loyalty/cards/{location_id}/{card_id}' }),
        pathParams: { location_id: 1, card_id: 2 },
      });
      assert.strictEqual(r.status, 204);
      assert.strictEqual(r.body, undefined);
      assert.strictEqual(r.data, undefined);
      assert.strictEqual(r.meta, undefined);
      assert.strictEqual(r.sizeBytes, 0);
    });

    it('keeps meta.message of a 202 acknowledgement', async () => {
      const s = await serve((_req, res) =>
        sendJson(res, 202, { success: true, data: null, meta: { message: 'Accepted' } }),
      );
      const r = await clientFor(s).send({ operation: post, body: {} });
      assert.strictEqual(r.status, 202);
      assert.strictEqual(r.data, null);
      assert.deepStrictEqual(r.meta, { message: 'Accepted' });
    });

    it('returns the bare body as data for operations documented without the envelope', async () => {
      const visitDetails = getCatalog().requireOperation('get_visit_details');
      assert.strictEqual(visitDetails.enveloped, false);
      const bare = { payment_transactions: [], items: [{ id: 3 }] };
      const s = await serve((_req, res) => sendJson(res, 200, bare));
      const r = await clientFor(s).send({
        operation: visitDetails,
        pathParams: { location_id: 1, record_id: 2, visit_id: 3 },
      });
      assert.deepStrictEqual(r.data, bare);
      assert.strictEqual(r.meta, undefined);
    });
  });

  describe('events', () => {
    it('reports start and end with the concrete path, status, duration and size, never headers or tokens', async () => {
      const s = await serve((_req, res) => sendJson(res, 200, { success: true, data: [], meta: [] }));
      const events: RequestEvent[] = [];
      await clientFor(s, { onEvent: (e) => events.push(e) }).send({ operation: get, pathParams: { id: 'a/b' } });
      assert.deepStrictEqual(
        events.map((e) => e.phase),
        ['start', 'end'],
      );
      const [start, end] = events;
      assert.deepStrictEqual(start, {
        phase: 'start',
        method: 'GET',
        operationId: get.id,
        path: '/things/a%2Fb',
        attempt: 1,
      });
      assert.ok(end.phase === 'end');
      assert.strictEqual(end.status, 200);
      assert.strictEqual(end.attempt, 1);
      assert.strictEqual(end.errorKind, undefined);
      assert.ok(end.durationMs > 0);
      assert.strictEqual(end.sizeBytes, JSON.stringify({ success: true, data: [], meta: [] }).length);
      const text = JSON.stringify(events);
      assert.ok(!/authorization|bearer|partnerSECRET|userSECRET|headers/i.test(text), text);
    });

    it('reports the error kind in the end event of a failed request', async () => {
      const s = await serve((_req, res) =>
        sendJson(res, 404, { success: false, data: null, meta: { message: 'Nope' } }),
      );
      const events: RequestEvent[] = [];
      await failure(clientFor(s, { onEvent: (e) => events.push(e) }).send({ operation: get, pathParams: { id: 1 } }));
      const end = events.at(-1)!;
      assert.ok(end.phase === 'end');
      assert.strictEqual(end.status, 404);
      assert.strictEqual(end.errorKind, 'not_found');
    });

    it('is not disturbed by a listener that throws', async () => {
      const s = await serve((_req, res) => sendJson(res, 200, { success: true, data: 1, meta: [] }));
      const r = await clientFor(s, {
        onEvent: () => {
          throw new Error('listener bug');
        },
      }).send({ operation: get, pathParams: { id: 1 } });
      assert.strictEqual(r.data, 1);
      assert.strictEqual(s.requests.length, 1);
    });
  });

  describe('rate limiting', () => {
    it('sends every request through the limiter', async () => {
      const s = await serve((_req, res) => sendJson(res, 200, { success: true, data: null, meta: [] }));
      const clock = new FakeClock();
      const client = clientFor(s, {
        clock,
        rateLimiter: new RateLimiter({ marginMs: 0, clock, perSecond: 2, perMinute: 0 }),
      });
      const sends = [1, 2, 3].map((id) => client.send({ operation: get, pathParams: { id } }));
      await until(() => s.requests.length === 2, 'two requests sent at once');
      await new Promise((r) => setTimeout(r, 50));
      assert.strictEqual(s.requests.length, 2, 'the third waits for a slot');
      await clock.advance(1000);
      await Promise.all(sends);
      assert.strictEqual(s.requests.length, 3);
    });

    it('has a 5-per-second limiter of its own when none is given', async () => {
      const s = await serve((_req, res) => sendJson(res, 200, { success: true, data: null, meta: [] }));
      const clock = new FakeClock();
      const client = new AltegioClient({ baseUrl: s.baseUrl, credentials: () => TOKENS, clock });
      const sends = Array.from({ length: 6 }, (_, id) => client.send({ operation: get, pathParams: { id: id + 1 } }));
      await until(() => s.requests.length === 5, 'five sent');
      await new Promise((r) => setTimeout(r, 50));
      assert.strictEqual(s.requests.length, 5);
      // The five were answered at once (the fake clock stood still): their slots free a second (and the clock
      // tolerance) after the answers.
      await clock.advance(999 + CLOCK_TOLERANCE_MS);
      await new Promise((r) => setTimeout(r, 50));
      assert.strictEqual(s.requests.length, 5, 'not a millisecond before the server second is over');
      await clock.advance(1);
      await Promise.all(sends);
      assert.strictEqual(s.requests.length, 6);
    });

    it('makes a retry wait for a slot too', async () => {
      const s = await serve((_req, res) =>
        s.requests.length === 1
          ? sendJson(res, 503, { success: false, meta: { message: 'busy' } })
          : sendJson(res, 200, { success: true, data: 'ok', meta: [] }),
      );
      const clock = new FakeClock();
      const client = clientFor(s, {
        clock,
        rateLimiter: new RateLimiter({ marginMs: 0, clock, perSecond: 1, perMinute: 0 }),
      });
      const pending = client.send({ operation: get, pathParams: { id: 1 } });
      await until(() => s.requests.length === 1, 'first attempt');
      await clock.advance(999);
      await new Promise((r) => setTimeout(r, 50));
      assert.strictEqual(s.requests.length, 1, 'the retry is held by the limiter');
      await clock.advance(1);
      assert.strictEqual((await pending).data, 'ok');
      assert.strictEqual(s.requests.length, 2);
    });
  });

  describe('cancellation', () => {
    it('sends nothing when the signal is already aborted', async () => {
      const s = await serve((_req, res) => sendJson(res, 200, { success: true, data: null, meta: [] }));
      const e = await failure(clientFor(s).send({ operation: post, body: {}, signal: AbortSignal.abort() }));
      assert.ok(e instanceof CancelledError);
      assert.strictEqual(e.sent, false);
      assert.strictEqual(e.advice, 'cancelled');
      assert.strictEqual(s.requests.length, 0);
    });

    it('cancels a GET in flight', async () => {
      const s = await serve(() => undefined);
      const controller = new AbortController();
      const pending = clientFor(s).send({ operation: get, pathParams: { id: 1 }, signal: controller.signal });
      await until(() => s.requests.length === 1, 'request arrived');
      controller.abort();
      const e = await failure(pending);
      assert.strictEqual(e.kind, 'cancelled');
      assert.match(e.message, /GET \/things\/1 .* was cancelled/);
      assert.strictEqual(e.advice, 'cancelledRead');
    });

    it('warns that a write cancelled in flight may have taken effect', async () => {
      const s = await serve(() => undefined);
      const controller = new AbortController();
      const pending = clientFor(s).send({ operation: post, body: { a: 1 }, signal: controller.signal });
      await until(() => s.requests.length === 1, 'request arrived');
      controller.abort();
      const e = await failure(pending);
      assert.strictEqual(e.kind, 'cancelled');
      assert.strictEqual(e.sent, true);
      assert.strictEqual(e.advice, 'checkWriteAfterCancel');
      assert.strictEqual(s.requests.length, 1);
    });

    it('cancels a request still waiting for a rate-limit slot without sending it', async () => {
      const s = await serve((_req, res) => sendJson(res, 200, { success: true, data: null, meta: [] }));
      const clock = new FakeClock();
      const client = clientFor(s, {
        clock,
        rateLimiter: new RateLimiter({ marginMs: 0, clock, perSecond: 1, perMinute: 0 }),
      });
      await client.send({ operation: get, pathParams: { id: 1 } });
      const controller = new AbortController();
      const pending = client.send({ operation: get, pathParams: { id: 2 }, signal: controller.signal });
      await flush();
      controller.abort();
      const e = await failure(pending);
      assert.strictEqual(e.kind, 'cancelled');
      assert.strictEqual(e.sent, false);
      assert.match(e.message, /waited for a rate-limit slot/);
      assert.strictEqual(s.requests.length, 1);
    });
  });

  it('refuses a timeout that is not a positive number of milliseconds', () => {
    assert.throws(
      () => new AltegioClient({ baseUrl: 'http://127.0.0.1/api/v1', credentials: () => TOKENS, timeoutMs: 0 }),
      RangeError,
    );
  });
});
