// Each kind of bad request gets the status and error envelope Altegio answers with, naming the fields at fault.
import * as assert from 'assert';
import { startSandbox } from '../../src/sandbox';
import { sharedSandbox, send } from './sandbox-support';

type ErrorBody = { success: false; data: null; meta: { message: string; errors?: Record<string, string[]> } };

function error(json: unknown): ErrorBody['meta'] {
  const body = json as ErrorBody;
  assert.strictEqual(body.success, false);
  assert.strictEqual(body.data, null);
  assert.strictEqual(typeof body.meta.message, 'string');
  return body.meta;
}

const AUTH_NEEDED = { success: false, data: null, meta: { message: 'Authentication needed.' } };

describe('sandbox errors', () => {
  const sandbox = sharedSandbox();

  describe('authentication (401)', () => {
    it('refuses a request without the partner token', async () => {
      const res = await send(sandbox, { path: '/company/720441', auth: 'none' });
      assert.strictEqual(res.status, 401);
      assert.deepStrictEqual(res.json, AUTH_NEEDED);
    });

    it('refuses an unknown partner token', async () => {
      const res = await send(sandbox, {
        path: '/chain/706028/loyalty/card_types',
        auth: 'none',
        headers: { Authorization: 'Bearer notTheRightPartnerToken1234' },
      });
      assert.strictEqual(res.status, 401);
      assert.deepStrictEqual(res.json, AUTH_NEEDED);
    });

    it('refuses a user operation sent with the partner token only', async () => {
      const res = await send(sandbox, { path: '/company/720441', auth: 'partner' });
      assert.strictEqual(res.status, 401);
      assert.deepStrictEqual(res.json, AUTH_NEEDED);
    });

    it('refuses an unknown user token', async () => {
      const res = await send(sandbox, {
        path: '/company/720441',
        auth: 'none',
        headers: { Authorization: `Bearer ${sandbox.credentials.partnerToken}, User someoneElsesToken1234567` },
      });
      assert.strictEqual(res.status, 401);
    });

    it('serves a partner operation with the partner token alone', async () => {
      const res = await send(sandbox, { path: '/chain/706028/loyalty/card_types', auth: 'partner' });
      assert.strictEqual(res.status, 200);
    });
  });

  describe('the Accept header (400)', () => {
    it('refuses a request without it, saying what to send', async () => {
      const res = await send(sandbox, { path: '/company/720441', headers: { Accept: '' } });
      assert.strictEqual(res.status, 400);
      assert.match(error(res.json).message, /application\/vnd\.api\.v2\+json/);
    });

    it('refuses another media type', async () => {
      const res = await send(sandbox, { path: '/company/720441', headers: { Accept: 'application/json' } });
      assert.strictEqual(res.status, 400);
      assert.match(error(res.json).message, /must be "application\/vnd\.api\.v2\+json"/);
    });

    it('tolerates a charset and a list of media ranges', async () => {
      for (const accept of [
        'application/vnd.api.v2+json; charset=utf-8',
        'application/json, application/vnd.api.v2+json;q=0.9',
      ]) {
        const res = await send(sandbox, { path: '/company/720441', headers: { Accept: accept } });
        assert.strictEqual(res.status, 200, accept);
      }
    });
  });

  describe('validation (400 for wrong values, 422 for missing ones)', () => {
    it('answers a body with wrongly typed fields with 400 and errors by field', async () => {
      const res = await send(sandbox, {
        method: 'POST',
        path: '/loyalty/cards/720441',
        body: { loyalty_card_number: 'X-1', loyalty_card_type_id: 'gold', phone: 123 },
      });
      assert.strictEqual(res.status, 400);
      const meta = error(res.json);
      assert.deepStrictEqual(meta.errors, {
        loyalty_card_type_id: ['loyalty_card_type_id must contain digits only'],
        phone: ['phone must be 9 to 15 digits'],
      });
    });

    it('answers a body with missing required fields with 422 naming each', async () => {
      const res = await send(sandbox, { method: 'POST', path: '/loyalty/cards/720441', body: { phone: 13155550175 } });
      assert.strictEqual(res.status, 422);
      assert.deepStrictEqual(error(res.json).errors, {
        loyalty_card_number: ['loyalty_card_number is required'],
        loyalty_card_type_id: ['loyalty_card_type_id is required'],
      });
    });

    it('names nested fields with dots and indexes', async () => {
      const res = await send(sandbox, {
        method: 'POST',
        path: '/records/720441',
        body: {
          staff_id: 5905,
          services: [{ id: 'haircut' }],
          client: { phone: 13155550179 },
          datetime: '2026-04-02T10:00:00-04:00',
          seance_length: 3600,
        },
      });
      assert.strictEqual(res.status, 400);
      assert.deepStrictEqual(Object.keys(error(res.json).errors!).sort(), ['client.phone', 'services[0].id']);
    });

    it('checks path parameters against their schemas', async () => {
      const res = await send(sandbox, { path: '/company/seven' });
      assert.strictEqual(res.status, 400);
      assert.deepStrictEqual(error(res.json).errors, { location_id: ['location_id must be an integer'] });
      const phone = await send(sandbox, { path: '/loyalty/cards/12ab/706028/720441' });
      assert.strictEqual(phone.status, 400);
      assert.deepStrictEqual(error(phone.json).errors, {
        phone: ['phone must be 9 to 15 digits (a leading + is allowed)'],
      });
    });

    it('checks required query parameters', async () => {
      const res = await send(sandbox, { path: '/company/720441/analytics/overall?date_from=2026-03-01' });
      assert.strictEqual(res.status, 422);
      assert.deepStrictEqual(error(res.json).errors, { date_to: ['date_to is required'] });
    });

    it('refuses a body that is not JSON', async () => {
      const res = await send(sandbox, {
        method: 'POST',
        path: '/clients/720441',
        rawBody: { contentType: 'application/json', data: Buffer.from('{"name": "Ann",') },
      });
      assert.strictEqual(res.status, 400);
      assert.match(error(res.json).message, /not valid JSON/);
    });
  });

  describe('semantic problems (422) with the field named', () => {
    it('refuses a card number already used in the chain', async () => {
      const res = await send(sandbox, {
        method: 'POST',
        path: '/loyalty/cards/720441',
        body: { loyalty_card_number: '0070602809250498', loyalty_card_type_id: '8230', phone: 13155550175 },
      });
      assert.strictEqual(res.status, 422);
      assert.deepStrictEqual(Object.keys(error(res.json).errors!), ['loyalty_card_number']);
    });

    it("refuses a card type that is not in the location's chain", async () => {
      const res = await send(sandbox, {
        method: 'POST',
        path: '/loyalty/cards/720441',
        body: { loyalty_card_number: 'NEW-1', loyalty_card_type_id: '9999', phone: 13155550175 },
      });
      assert.strictEqual(res.status, 422);
      assert.deepStrictEqual(Object.keys(error(res.json).errors!), ['loyalty_card_type_id']);
    });

    it('refuses to issue a card to a phone that is not a client of the location', async () => {
      const res = await send(sandbox, {
        method: 'POST',
        path: '/loyalty/cards/720441',
        body: { loyalty_card_number: 'NEW-2', loyalty_card_type_id: '8230', phone: 19995550000 },
      });
      assert.strictEqual(res.status, 422);
      assert.match(error(res.json).errors!.phone[0], /not the phone of a client of location 720441/);
    });

    it('refuses references to things another location owns', async () => {
      const res = await send(sandbox, {
        method: 'POST',
        path: '/services/720442',
        body: { title: 'Cut', category_id: 1001 },
      });
      assert.strictEqual(res.status, 422);
      assert.deepStrictEqual(Object.keys(error(res.json).errors!), ['category_id']);
    });
  });

  describe('routing', () => {
    it('answers an unknown path with a 404 envelope', async () => {
      const res = await send(sandbox, { path: '/no/such/operation' });
      assert.strictEqual(res.status, 404);
      assert.match(error(res.json).message, /No operation/);
    });

    it('answers a known path with the wrong method with 405 and Allow', async () => {
      const res = await send(sandbox, { method: 'PATCH', path: '/loyalty/cards/720441/9250498' });
      assert.strictEqual(res.status, 405);
      assert.strictEqual(res.headers.allow, 'DELETE');
      error(res.json);
    });

    it('answers an unknown location or entity with 404', async () => {
      assert.strictEqual((await send(sandbox, { path: '/company/999999' })).status, 404);
      assert.strictEqual((await send(sandbox, { path: '/client/720441/1' })).status, 404);
      assert.strictEqual(
        (await send(sandbox, { path: '/staff/720442/5905' })).status,
        404,
        'a team member of another location',
      );
    });

    it('serves nothing outside /api/v1 but the loopback control endpoints', async () => {
      const res = await fetch(`${sandbox.origin}/api/v2/companies`);
      assert.strictEqual(res.status, 404);
      const info = (await (await fetch(`${sandbox.origin}/__sandbox/info`)).json()) as {
        baseUrl: string;
        credentials: { partnerToken: string };
      };
      assert.strictEqual(info.baseUrl, sandbox.baseUrl);
      assert.strictEqual(info.credentials.partnerToken, sandbox.credentials.partnerToken);
    });
  });

  describe('rate limiting (429)', () => {
    it('allows 5 requests per second per IP and answers the 6th with 429, Retry-After and the envelope', async () => {
      const limited = await startSandbox();
      try {
        const statuses: number[] = [];
        let refused: Awaited<ReturnType<typeof send>> | undefined;
        for (let i = 0; i < 6; i++) {
          const res = await send(limited, { path: '/company/720441' });
          statuses.push(res.status);
          if (res.status === 429) refused = res;
        }
        assert.deepStrictEqual(statuses, [200, 200, 200, 200, 200, 429]);
        assert.ok(Number(refused!.headers['retry-after']) >= 1);
        assert.match(error(refused!.json).message, /5 requests per second/);
      } finally {
        await limited.close();
      }
    });

    it('applies the per-minute limit too, with a Retry-After as long as the minute window needs', async () => {
      const limited = await startSandbox({ rateLimit: { perSecond: 100, perMinute: 3 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await send(limited, { path: '/groups' })).status);
        assert.deepStrictEqual(statuses, [200, 200, 200, 429]);
        const refused = await send(limited, { path: '/groups' });
        assert.ok(
          Number(refused.headers['retry-after']) > 1,
          'the minute window frees up later than the second window',
        );
        assert.match(error(refused.json).message, /3 requests per minute/);
      } finally {
        await limited.close();
      }
    });
  });
});
