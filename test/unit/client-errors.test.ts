import * as assert from 'assert';
import { AltegioClient, type ClientOptions } from '../../src/api/client';
import {
  AltegioError,
  ForbiddenError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  UnprocessableError,
  ValidationError,
  type AltegioErrorKind,
} from '../../src/api/errors';
import { refusedBaseUrl, startServer, type TestServer } from './helpers/test-server';
import { TOKENS, operation } from './helpers/operations';
import { failure } from './helpers/failure';

const list = operation({ method: 'GET', path: '/things/{id}' });

/** A client that sends each request once, at once: no rate limiter and no retry between it and the server. */
function directClient(baseUrl: string, options: Pick<ClientOptions, 'timeoutMs'> = {}): AltegioClient {
  return new AltegioClient({
    baseUrl,
    credentials: () => TOKENS,
    rateLimiter: null,
    retry: { maxRetries: 0 },
    ...options,
  });
}

describe('AltegioClient errors', () => {
  let server: TestServer;
  let client: AltegioClient;
  /** What the server answers next: status, body text and headers. */
  let reply: { status: number; text: string; headers?: Record<string, string> };
  const envelope = (message: string, errors?: Record<string, unknown>) =>
    JSON.stringify({ success: false, data: null, meta: errors ? { message, errors } : { message } });

  beforeEach(async () => {
    server = await startServer((_req, res) => {
      res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
      res.end(reply.text);
    });
    client = directClient(server.baseUrl);
  });
  afterEach(() => server.close());

  const statusCases: [number, AltegioErrorKind, new (...args: never[]) => AltegioError][] = [
    [401, 'unauthorized', UnauthorizedError],
    [402, 'payment_required', PaymentRequiredError],
    [403, 'forbidden', ForbiddenError],
    [404, 'not_found', NotFoundError],
    [429, 'rate_limited', RateLimitedError],
    [500, 'server', ServerError],
    [503, 'server', ServerError],
    [418, 'http', HttpError],
    [409, 'http', HttpError],
  ];
  for (const [status, kind, type] of statusCases) {
    it(`turns ${status} into a ${kind} error with Altegio's message, the status and the kind's advice`, async () => {
      reply = { status, text: envelope(`Altegio says ${status}`) };
      const e = await failure(client.send({ operation: list, pathParams: { id: 7 } }));
      assert.ok(e instanceof type, e.name);
      assert.strictEqual(e.kind, kind);
      assert.strictEqual(e.status, status);
      assert.strictEqual(e.apiMessage, `Altegio says ${status}`);
      assert.match(e.message, new RegExp(`GET /things/7 \\(${list.id}\\) failed: ${status} `));
      assert.match(e.message, new RegExp(`Altegio says ${status}`));
      assert.strictEqual(e.advice, kind);
      assert.deepStrictEqual(e.reason, { code: 'status' });
      assert.strictEqual(e.response?.status, status);
      assert.deepStrictEqual(e.response?.body, JSON.parse(reply.text));
      assert.strictEqual(e.request?.headers.Authorization, 'Bearer ***, User ***');
      assert.strictEqual(e.sent, true);
    });
  }

  it('turns 400 with meta.errors into a validation error with field errors', async () => {
    reply = {
      status: 400,
      text: envelope('Invalid parameters', { phone: ['must contain 9 to 15 digits'], name: 'is required' }),
    };
    const e = await failure(client.send({ operation: list, pathParams: { id: 1 } }));
    assert.ok(e instanceof ValidationError);
    assert.strictEqual(e.kind, 'validation');
    assert.deepStrictEqual(e.fieldErrors, { phone: ['must contain 9 to 15 digits'], name: ['is required'] });
    assert.match(
      e.message,
      /400 Bad Request — Invalid parameters \(phone: must contain 9 to 15 digits; name: is required\)/,
    );
  });

  it('turns 422 into an unprocessable error with its field errors', async () => {
    reply = { status: 422, text: envelope('Slot is taken', { datetime: ['busy'] }) };
    const e = await failure(client.send({ operation: list, pathParams: { id: 1 } }));
    assert.ok(e instanceof UnprocessableError);
    assert.deepStrictEqual(e.fieldErrors, { datetime: ['busy'] });
    assert.strictEqual(e.advice, 'unprocessable');
  });

  it('reads Retry-After on 429 into retryAfterMs', async () => {
    reply = { status: 429, text: envelope('Too many'), headers: { 'Retry-After': '7' } };
    const e = await failure(client.send({ operation: list, pathParams: { id: 1 } }));
    assert.strictEqual(e.kind, 'rate_limited');
    assert.strictEqual(e.retryAfterMs, 7000);
  });

  it('reports a 502 HTML page as a server error, not as an invalid response', async () => {
    reply = { status: 502, text: '<html>Bad gateway</html>', headers: { 'Content-Type': 'text/html' } };
    const e = await failure(client.send({ operation: list, pathParams: { id: 1 } }));
    assert.strictEqual(e.kind, 'server');
    assert.strictEqual(e.apiMessage, undefined);
    assert.strictEqual(e.response?.rawText, '<html>Bad gateway</html>');
  });

  it('turns a 2xx that is not JSON into an invalid_response error quoting at most 200 characters, token-free', async () => {
    const page = `<html>Welcome ${TOKENS.partnerToken} ${'x'.repeat(500)}</html>`;
    reply = { status: 200, text: page, headers: { 'Content-Type': 'text/html' } };
    const e = await failure(client.send({ operation: list, pathParams: { id: 1 } }));
    assert.ok(e instanceof InvalidResponseError);
    assert.strictEqual(e.status, 200);
    assert.match(e.message, /answered 200 with a body that is not JSON: "<html>Welcome \*\*\* x+"$/);
    assert.ok(!e.message.includes(TOKENS.partnerToken));
    assert.ok(e.message.length < 200 + 120, `${e.message.length} characters`);
  });

  it('turns a 2xx without the envelope into an invalid_response error for an enveloped operation', async () => {
    reply = { status: 200, text: JSON.stringify([{ id: 1 }]) };
    const e = await failure(client.send({ operation: list, pathParams: { id: 1 } }));
    assert.strictEqual(e.kind, 'invalid_response');
    assert.match(e.message, /envelope/);
    assert.deepStrictEqual(e.response?.body, [{ id: 1 }]);
  });

  it('treats success:false with a 200 as an error carrying meta.message', async () => {
    reply = {
      status: 200,
      text: envelope('Card type belongs to another chain', { loyalty_card_type_id: ['wrong chain'] }),
    };
    const e = await failure(client.send({ operation: list, pathParams: { id: 1 } }));
    assert.ok(e instanceof HttpError);
    assert.strictEqual(e.status, 200);
    assert.strictEqual(e.apiMessage, 'Card type belongs to another chain');
    assert.deepStrictEqual(e.fieldErrors, { loyalty_card_type_id: ['wrong chain'] });
    assert.match(e.message, /answered 200 but reported a failure: Card type belongs to another chain/);
  });

  it('does not follow redirects; it names the target', async () => {
    reply = { status: 301, text: '', headers: { Location: 'https://elsewhere.example/api/v1/things/1' } };
    const e = await failure(client.send({ operation: list, pathParams: { id: 1 } }));
    assert.strictEqual(e.kind, 'http');
    assert.strictEqual(e.status, 301);
    assert.match(e.message, /301 Moved Permanently to https:\/\/elsewhere\.example/);
    assert.strictEqual(server.requests.length, 1);
  });

  it('never puts a token into a message, even when the server echoes it', async () => {
    reply = {
      status: 401,
      text: envelope(`Token ${TOKENS.partnerToken} / ${TOKENS.userToken} is invalid`, {
        auth: [`Bearer ${TOKENS.userToken}`],
      }),
    };
    const e = await failure(client.send({ operation: list, pathParams: { id: 1 } }));
    const visible = [e.message, e.advice, e.apiMessage, JSON.stringify(e.fieldErrors), JSON.stringify(e.request)].join(
      '\n',
    );
    for (const token of Object.values(TOKENS)) assert.ok(!visible.includes(token), `${token} leaked into: ${visible}`);
    assert.match(e.apiMessage!, /Token \*\*\* \/ \*\*\* is invalid/);
  });

  it('reports a refused connection as a network error that sent nothing', async () => {
    const refused = directClient(await refusedBaseUrl());
    const e = await failure(refused.send({ operation: list, pathParams: { id: 1 } }));
    assert.ok(e instanceof NetworkError);
    assert.strictEqual(e.sent, false);
    assert.match(e.message, /could not be sent: the connection was refused \(ECONNREFUSED\)/);
    assert.strictEqual(e.advice, 'network');
    assert.deepStrictEqual(e.reason, { code: 'notSent', systemCode: 'ECONNREFUSED' });
    assert.strictEqual(e.status, undefined);
  });

  it('reports an unknown host as a network error that sent nothing', async () => {
    const nowhere = directClient('http://no-such-host.invalid/api/v1');
    const e = await failure(nowhere.send({ operation: list, pathParams: { id: 1 } }));
    assert.strictEqual(e.kind, 'network');
    assert.strictEqual(e.sent, false);
  });

  it('turns a GET that gets no answer in time into a timeout error', async () => {
    const silent = await startServer(() => undefined);
    try {
      const slow = directClient(silent.baseUrl, { timeoutMs: 150 });
      const started = Date.now();
      const e = await failure(slow.send({ operation: list, pathParams: { id: 1 } }));
      assert.ok(e instanceof TimeoutError, e.name);
      assert.match(e.message, /got no answer within 150 ms/);
      assert.ok(Date.now() - started >= 140);
      assert.strictEqual(silent.requests.length, 1);
    } finally {
      await silent.close();
    }
  });

  it('honours a per-request timeout over the client default', async () => {
    const silent = await startServer(() => undefined);
    try {
      const slow = directClient(silent.baseUrl, { timeoutMs: 60_000 });
      const e = await failure(slow.send({ operation: list, pathParams: { id: 1 }, timeoutMs: 100 }));
      assert.strictEqual(e.kind, 'timeout');
    } finally {
      await silent.close();
    }
  });
});
