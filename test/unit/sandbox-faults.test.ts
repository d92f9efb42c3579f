// Fault injection: each fault, from the X-Sandbox-Fault header or from options, does what it says, and the
// request counters see every attempt.
import * as assert from 'assert';
import { FAULT_HEADER, parseFaultHeader } from '../../src/sandbox';
import { sharedSandbox, getStats, send } from './sandbox-support';

const newClient = (name: string, phone: string) => ({ method: 'POST', path: '/clients/720441', body: { name, phone } });

describe('sandbox fault injection', () => {
  const sandbox = sharedSandbox();

  async function clientsNamed(name: string): Promise<number> {
    const res = await send(sandbox, {
      method: 'POST',
      path: '/company/720441/clients/search',
      body: { filters: [{ type: 'quick_search', state: { value: name } }] },
    });
    return (res.json as { meta: { total_count: number } }).meta.total_count;
  }

  describe('statuses', () => {
    it('answers 503 with the Retry-After it was given and the error envelope', async () => {
      const res = await send(sandbox, {
        path: '/company/720441',
        headers: { [FAULT_HEADER]: 'status=503;retry-after=2' },
      });
      assert.strictEqual(res.status, 503);
      assert.strictEqual(res.headers['retry-after'], '2');
      assert.deepStrictEqual(res.json, {
        success: false,
        data: null,
        meta: { message: 'Service temporarily unavailable.' },
      });
    });

    it('answers 429 with a default Retry-After of 1 second, and 500 without one', async () => {
      const tooMany = await send(sandbox, { path: '/company/720441', headers: { [FAULT_HEADER]: 'status=429' } });
      assert.strictEqual(tooMany.status, 429);
      assert.strictEqual(tooMany.headers['retry-after'], '1');
      const broken = await send(sandbox, { path: '/company/720441', headers: { [FAULT_HEADER]: 'status=500' } });
      assert.strictEqual(broken.status, 500);
      assert.strictEqual(broken.headers['retry-after'], undefined);
    });

    it('does not carry out a write that it answers with an injected status', async () => {
      const res = await send(sandbox, {
        ...newClient('Never Created', '12125550911'),
        headers: { [FAULT_HEADER]: 'status=503' },
      });
      assert.strictEqual(res.status, 503);
      assert.strictEqual(await clientsNamed('Never Created'), 0);
    });

    it('fails only the first N matching requests when an option says so', async () => {
      sandbox.setFaults({ failFirst: 2, status: 503, retryAfter: 1, match: { operationId: 'get_location' } });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await send(sandbox, { path: '/company/720441' })).status);
      assert.deepStrictEqual(statuses, [503, 503, 200]);
      assert.strictEqual((await send(sandbox, { path: '/groups' })).status, 200, 'other operations are not matched');
      assert.strictEqual(getStats(sandbox, 'GET', '/company/720441'), 3);
    });

    it('matches rules by method and by template or concrete path', async () => {
      sandbox.setFaults([
        { match: { method: 'POST', path: '/loyalty/cards/{location_id}' }, status: 500 },
        { match: { path: '/groups' }, status: 429 },
      ]);
      assert.strictEqual(
        (await send(sandbox, { method: 'POST', path: '/loyalty/cards/720441', body: {} })).status,
        500,
      );
      assert.strictEqual((await send(sandbox, { path: '/groups' })).status, 429);
      assert.strictEqual((await send(sandbox, { path: '/loyalty/cards/13155550179/706028/720441' })).status, 200);
    });
  });

  describe('latency and slow bodies', () => {
    it('adds latency before answering', async () => {
      const started = Date.now();
      const res = await send(sandbox, { path: '/company/720441', headers: { [FAULT_HEADER]: 'latency=200' } });
      assert.strictEqual(res.status, 200);
      assert.ok(Date.now() - started >= 190, `${Date.now() - started} ms`);
    });

    it('sends a slow body: headers and half at once, the rest later, still complete', async () => {
      const started = Date.now();
      const res = await send(sandbox, { path: '/company/720441', headers: { [FAULT_HEADER]: 'slow-body=300' } });
      assert.strictEqual(res.status, 200);
      assert.ok(Date.now() - started >= 290);
      assert.strictEqual((res.json as { data: { id: number } }).data.id, 720441);
    });

    it('makes a client with a shorter timeout give up mid-body', async () => {
      await assert.rejects(
        send(sandbox, { path: '/company/720441', timeoutMs: 100, headers: { [FAULT_HEADER]: 'slow-body=1000' } }),
      );
    });
  });

  describe('connection resets', () => {
    it('resets before the body is read: the write is not carried out', async () => {
      await assert.rejects(
        send(sandbox, {
          ...newClient('Reset Before', '12125550912'),
          headers: { [FAULT_HEADER]: 'reset=before-body' },
        }),
        /ECONNRESET|socket hang up/,
      );
      assert.strictEqual(await clientsNamed('Reset Before'), 0);
      assert.strictEqual(getStats(sandbox, 'POST', '/clients/720441'), 1);
    });

    it('resets after the body is read: the write is carried out but no answer comes', async () => {
      await assert.rejects(
        send(sandbox, { ...newClient('Reset After', '12125550913'), headers: { [FAULT_HEADER]: 'reset=after-body' } }),
        /ECONNRESET|socket hang up/,
      );
      assert.strictEqual(await clientsNamed('Reset After'), 1);
    });
  });

  describe('malformed JSON', () => {
    it('carries the request out and answers its status with a body that does not parse', async () => {
      const res = await send(sandbox, {
        ...newClient('Malformed Answer', '12125550914'),
        headers: { [FAULT_HEADER]: 'malformed-json' },
      });
      assert.strictEqual(res.status, 201);
      assert.strictEqual(res.headers['content-type'], 'application/json; charset=utf-8');
      assert.throws(() => JSON.parse(res.text));
      assert.strictEqual(await clientsNamed('Malformed Answer'), 1);
    });
  });

  describe('the header', () => {
    it('parses every directive', () => {
      assert.deepStrictEqual(
        parseFaultHeader('status=503; retry-after=2; latency=10; reset=after-body; malformed-json; slow-body=5'),
        {
          status: 503,
          retryAfter: 2,
          latencyMs: 10,
          reset: 'after-body',
          malformedJson: true,
          slowBodyMs: 5,
        },
      );
    });

    it('refuses an unknown directive with 400, so a typo cannot pass as "no fault"', async () => {
      const res = await send(sandbox, { path: '/company/720441', headers: { [FAULT_HEADER]: 'stauts=503' } });
      assert.strictEqual(res.status, 400);
      assert.match((res.json as { meta: { message: string } }).meta.message, /unknown directive "stauts"/);
    });

    it('counts requests per method and path, also over GET /__sandbox/stats', async () => {
      await send(sandbox, { path: '/company/720441' });
      await send(sandbox, { path: '/company/720441?forBooking=1' });
      const stats = (await (await fetch(`${sandbox.origin}/__sandbox/stats`)).json()) as {
        total: number;
        requests: Record<string, number>;
        operations: Record<string, number>;
      };
      assert.strictEqual(stats.requests['GET /company/720441'], 2);
      assert.strictEqual(stats.operations.get_location, 2);
      assert.strictEqual(stats.total, 2);
    });
  });
});
