import * as assert from 'assert';
import { AltegioClient } from '../../src/api/client';
import { ValidationError, isAltegioError } from '../../src/api/errors';
import { getCatalog } from '../../src/api/catalog';
import { buildPath, buildQuery, maskRequest } from '../../src/api/request-builder';
import { sendJson, startServer, type TestServer } from './helpers/test-server';
import { TOKENS, operation } from './helpers/operations';

const searchEvents = getCatalog().requireOperation('search_events');

describe('building requests', () => {
  let server: TestServer;
  let client: AltegioClient;
  beforeEach(async () => {
    server = await startServer((_req, res) => sendJson(res, 200, { success: true, data: null, meta: [] }));
    client = new AltegioClient({
      baseUrl: server.baseUrl,
      credentials: () => TOKENS,
      rateLimiter: null,
      userAgent: 'tests/1.0',
    });
  });
  afterEach(() => server.close());

  it('encodes each path parameter as one segment', async () => {
    const op = operation({ method: 'GET', path: '/company/{location_id}/clients/{client_id}' });
    await client.send({ operation: op, pathParams: { location_id: 'a b/c?d#e', client_id: 42 } });
    assert.strictEqual(server.requests[0].url, '/api/v1/company/a%20b%2Fc%3Fd%23e/clients/42');
  });

  it('sends array parameters as name[]=a&name[]=b although the document names them without brackets', async () => {
    assert.ok(searchEvents.parameters.some((p) => p.name === 'staff_ids' && p.isArray));
    await client.send({
      operation: searchEvents,
      pathParams: { location_id: 720441 },
      query: { from: '2026-01-01', till: '2026-01-31', staff_ids: [5, 6], service_ids: 7 },
    });
    const url = new URL(server.requests[0].url, 'http://x');
    assert.deepStrictEqual(url.searchParams.getAll('staff_ids[]'), ['5', '6']);
    assert.deepStrictEqual(
      url.searchParams.getAll('service_ids[]'),
      ['7'],
      'a lone value of an array parameter is still sent as an array',
    );
    assert.strictEqual(url.searchParams.get('staff_ids'), null);
    assert.match(server.requests[0].url, /staff_ids\[\]=5&staff_ids\[\]=6/);
  });

  it('skips undefined, null and empty query values, and empty items of arrays', async () => {
    await client.send({
      operation: searchEvents,
      pathParams: { location_id: 1 },
      query: { from: '2026-01-01', till: undefined, page: null, count: '', staff_ids: [null, 3, ''] },
    });
    assert.strictEqual(new URL(server.requests[0].url, 'http://x').search, '?from=2026-01-01&staff_ids[]=3');
  });

  it('sends booleans as 1/0 for integer parameters and as true/false otherwise; objects as JSON', async () => {
    const op = operation({
      method: 'GET',
      path: '/things',
      parameters: [
        { name: 'active', in: 'query', required: false, description: '', schema: { type: 'integer' }, isArray: false },
        { name: 'flag', in: 'query', required: false, description: '', schema: { type: 'string' }, isArray: false },
      ],
    });
    await client.send({ operation: op, query: { active: true, flag: false, filter: { a: [1, 'x y'] }, other: true } });
    const params = new URL(server.requests[0].url, 'http://x').searchParams;
    assert.strictEqual(params.get('active'), '1');
    assert.strictEqual(params.get('flag'), 'false');
    assert.strictEqual(params.get('other'), 'true');
    assert.deepStrictEqual(JSON.parse(params.get('filter')!), { a: [1, 'x y'] });
  });

  it('sends the v2 Accept header, the User-Agent, and a JSON body with its Content-Type', async () => {
    const op = operation({ method: 'POST', path: '/loyalty/cards/{location_id}' });
    const body = { loyalty_card_number: 'O\'Neil "1"', phone: 13155550175 };
    await client.send({ operation: op, pathParams: { location_id: 720441 }, body });
    const [seen] = server.requests;
    assert.strictEqual(seen.method, 'POST');
    assert.strictEqual(seen.headers.accept, 'application/vnd.api.v2+json');
    assert.strictEqual(seen.headers['content-type'], 'application/json');
    assert.strictEqual(seen.headers['user-agent'], 'tests/1.0');
    assert.deepStrictEqual(JSON.parse(seen.body), body);
  });

  it('sends no Content-Type and no body when there is none', async () => {
    await client.send({
      operation: operation({ method: 'DELETE', path: '/loyalty/cards/{location_id}/{card_id}' }),
      pathParams: { location_id: 1, card_id: 2 },
    });
    assert.strictEqual(server.requests[0].headers['content-type'], undefined);
    assert.strictEqual(server.requests[0].body, '');
  });

  it('uploads multipart/form-data bodies as real forms with the file', async () => {
    const upload = getCatalog().requireOperation('upload_image');
    assert.strictEqual(upload.requestBody?.contentType, 'multipart/form-data');
    const response = await client.send({
      operation: upload,
      pathParams: { entity: 'client' },
      body: {
        image: { filename: 'photo.png', content: new TextEncoder().encode('PNG-BYTES'), contentType: 'image/png' },
        note: 'hello',
      },
    });
    const [seen] = server.requests;
    assert.match(String(seen.headers['content-type']), /^multipart\/form-data; boundary=/);
    assert.match(seen.body, /name="image"; filename="photo.png"\r\nContent-Type: image\/png\r\n\r\nPNG-BYTES\r\n/);
    assert.match(seen.body, /name="note"\r\n\r\nhello\r\n/);
    assert.deepStrictEqual(response.request.multipart, [
      { name: 'image', filename: 'photo.png', contentType: 'image/png', sizeBytes: 9 },
      { name: 'note', value: 'hello' },
    ]);
  });

  it('reports every missing path parameter by name and sends nothing', async () => {
    const op = operation({ method: 'DELETE', path: '/loyalty/cards/{location_id}/{card_id}' });
    await assert.rejects(client.send({ operation: op, pathParams: { location_id: 1, card_id: '' } }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.strictEqual(e.sent, false);
      assert.strictEqual(e.status, undefined);
      assert.deepStrictEqual(e.fieldErrors, { card_id: ['is required'] });
      assert.match(e.message, /card_id is required/);
      return true;
    });
    assert.strictEqual(server.requests.length, 0);
  });

  it('refuses "." and ".." as path parameters, which URL parsers would resolve to another resource', () => {
    const op = operation({ method: 'DELETE', path: '/loyalty/cards/{location_id}/{card_id}' });
    assert.throws(
      () => buildPath(op, { location_id: '1', card_id: '..' }),
      (e: unknown) => isAltegioError(e) && 'card_id' in e.fieldErrors,
    );
    assert.strictEqual(buildPath(op, { location_id: '1', card_id: '...' }), '/loyalty/cards/1/...');
  });

  it('refuses a body on a GET and a missing required body, before sending', async () => {
    await assert.rejects(
      client.send({ operation: operation({ method: 'GET', path: '/x' }), body: { a: 1 } }),
      (e: unknown) => isAltegioError(e) && e.kind === 'validation' && 'body' in e.fieldErrors,
    );
    const withBody = operation({
      method: 'POST',
      path: '/y',
      requestBody: { required: true, contentType: 'application/json', schema: {} },
    });
    await assert.rejects(
      client.send({ operation: withBody }),
      (e: unknown) => isAltegioError(e) && e.kind === 'validation' && e.fieldErrors.body?.[0] === 'is required',
    );
    assert.strictEqual(server.requests.length, 0);
  });

  it('refuses a base URL that is not http(s), naming it', () => {
    const bad = new AltegioClient({ baseUrl: 'api.alteg.io/api/v1', credentials: () => TOKENS, rateLimiter: null });
    assert.throws(
      () => bad.prepare({ operation: operation({ method: 'GET', path: '/x' }) }, TOKENS),
      (e: unknown) => isAltegioError(e) && 'baseUrl' in e.fieldErrors,
    );
  });

  it('joins base URLs with or without a trailing slash', () => {
    const a = new AltegioClient({
      baseUrl: 'https://api.alteg.io/api/v1/',
      credentials: () => TOKENS,
      rateLimiter: null,
    });
    assert.strictEqual(
      a.prepare({ operation: operation({ method: 'GET', path: '/companies' }) }, TOKENS).url,
      'https://api.alteg.io/api/v1/companies',
    );
  });

  it('prepare() carries the real header; maskRequest() hides both tokens', () => {
    const prepared = client.prepare({ operation: operation({ method: 'GET', path: '/x' }) }, TOKENS);
    assert.strictEqual(prepared.headers.Authorization, 'Bearer partnerSECRET123, User userSECRET456');
    const masked = maskRequest(prepared);
    assert.strictEqual(masked.headers.Authorization, 'Bearer ***, User ***');
    assert.strictEqual(
      prepared.headers.Authorization,
      'Bearer partnerSECRET123, User userSECRET456',
      'the original is not modified',
    );
  });

  it('buildQuery accepts names given with brackets without doubling them', () => {
    assert.strictEqual(buildQuery(operation({ method: 'GET', path: '/x' }), { 'ids[]': [1, 2] }), 'ids[]=1&ids[]=2');
  });
});
