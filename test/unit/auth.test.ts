import * as assert from 'assert';
import { AltegioClient } from '../../src/api/client';
import { authorizationHeader } from '../../src/api/auth';
import { MissingTokenError, ValidationError, isAltegioError } from '../../src/api/errors';
import { getCatalog } from '../../src/api/catalog';
import { sendJson, startServer, type TestServer } from './helpers/test-server';
import { TOKENS } from './helpers/operations';

describe('authorizationHeader', () => {
  it('sends only the partner token for BearerPartner operations', () => {
    assert.strictEqual(authorizationHeader('BearerPartner', TOKENS), 'Bearer partnerSECRET123');
  });

  it('sends the partner and the user token for BearerPartnerUser operations', () => {
    assert.strictEqual(authorizationHeader('BearerPartnerUser', TOKENS), 'Bearer partnerSECRET123, User userSECRET456');
  });

  it('trims tokens pasted with surrounding whitespace', () => {
    assert.strictEqual(
      authorizationHeader('BearerPartnerUser', { partnerToken: ' p1234 \n', userToken: '\tu5678 ' }),
      'Bearer p1234, User u5678',
    );
  });

  it('names the missing partner token and the operation', () => {
    assert.throws(
      () => authorizationHeader('BearerPartner', { userToken: 'u' }, 'get_countries'),
      (e: unknown) => {
        assert.ok(e instanceof MissingTokenError);
        assert.strictEqual(e.kind, 'missing_token');
        assert.strictEqual(e.sent, false);
        assert.match(e.message, /partner token/);
        assert.match(e.message, /get_countries/);
        return true;
      },
    );
  });

  it('names the missing user token only when the scheme needs it', () => {
    assert.strictEqual(authorizationHeader('BearerPartner', { partnerToken: 'p1234' }), 'Bearer p1234');
    assert.throws(
      () => authorizationHeader('BearerPartnerUser', { partnerToken: 'p1234', userToken: '  ' }, 'get_chain_list'),
      (e: unknown) => {
        assert.ok(e instanceof MissingTokenError);
        assert.match(e.message, /user token/);
        assert.match(e.message, /get_chain_list/);
        assert.ok(!e.message.includes('p1234'), 'the partner token is not in the message');
        return true;
      },
    );
  });

  it('refuses a token with a line break instead of sending a broken header, without echoing it', () => {
    assert.throws(
      () => authorizationHeader('BearerPartner', { partnerToken: 'abc\r\nX-Injected: 1' }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepStrictEqual(Object.keys(e.fieldErrors), ['partnerToken']);
        assert.ok(!e.message.includes('abc'));
        return true;
      },
    );
  });
});

describe('AltegioClient authorization', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer((_req, res) => sendJson(res, 200, { success: true, data: [], meta: [] }));
  });
  afterEach(() => server.close());

  const partnerOnly = getCatalog().requireOperation('get_countries');
  const partnerUser = getCatalog().requireOperation('get_chain_list');

  it('puts the scheme of each operation on the wire', async () => {
    assert.strictEqual(partnerOnly.security, 'BearerPartner');
    assert.strictEqual(partnerUser.security, 'BearerPartnerUser');
    const client = new AltegioClient({ baseUrl: server.baseUrl, credentials: () => TOKENS, rateLimiter: null });
    await client.send({ operation: partnerOnly });
    await client.send({ operation: partnerUser });
    assert.deepStrictEqual(
      server.requests.map((r) => r.headers.authorization),
      ['Bearer partnerSECRET123', 'Bearer partnerSECRET123, User userSECRET456'],
    );
  });

  it('reads the credentials at send time, so a new sign-in takes effect at once', async () => {
    let creds = { partnerToken: 'first111' };
    const client = new AltegioClient({ baseUrl: server.baseUrl, credentials: async () => creds, rateLimiter: null });
    await client.send({ operation: partnerOnly });
    creds = { partnerToken: 'second222' };
    await client.send({ operation: partnerOnly });
    assert.deepStrictEqual(
      server.requests.map((r) => r.headers.authorization),
      ['Bearer first111', 'Bearer second222'],
    );
  });

  it('sends nothing when the partner token is missing', async () => {
    const client = new AltegioClient({ baseUrl: server.baseUrl, credentials: () => ({}), rateLimiter: null });
    const error = await client.send({ operation: partnerOnly }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(isAltegioError(error) && error.kind === 'missing_token', String(error));
    assert.strictEqual(error.sent, false);
    assert.strictEqual(server.requests.length, 0);
  });

  it('sends nothing when the user token is missing for a user operation', async () => {
    const client = new AltegioClient({
      baseUrl: server.baseUrl,
      credentials: () => ({ partnerToken: TOKENS.partnerToken }),
      rateLimiter: null,
    });
    await assert.rejects(client.send({ operation: partnerUser }), (e: unknown) => {
      assert.ok(e instanceof MissingTokenError);
      assert.match(e.message, /user token for get_chain_list/);
      assert.ok(!e.message.includes(TOKENS.partnerToken));
      return true;
    });
    assert.strictEqual(server.requests.length, 0);
  });
});
