// The extension's HTTP client against the sandbox: a write is never repeated whatever fault is injected (counted
// at the sandbox), and a read is retried after 429, 503 and a dropped connection.
import * as assert from 'assert';
import { getCatalog } from '../../src/api/catalog';
import { AltegioClient } from '../../src/api/client';
import type { FaultRule } from '../../src/sandbox';
import { sharedSandbox } from './sandbox-support';
import { failure } from './helpers/failure';

const catalog = getCatalog();
const createClient = catalog.requireOperation('create_client');
const getLocation = catalog.requireOperation('get_location');

describe('the HTTP client against the sandbox', () => {
  const sandbox = sharedSandbox();
  let client: AltegioClient;

  before(() => {
    client = new AltegioClient({
      baseUrl: sandbox.baseUrl,
      credentials: () => ({ partnerToken: sandbox.credentials.partnerToken, userToken: sandbox.credentials.userToken }),
      rateLimiter: null,
      timeoutMs: 2000,
      retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 2000 },
    });
  });

  const postCount = () => sandbox.stats().requests['POST /clients/720441'] ?? 0;

  describe('never repeats a POST', () => {
    const faults: [string, Omit<FaultRule, 'match' | 'failFirst'>, number | undefined][] = [
      ['503 with Retry-After', { status: 503, retryAfter: 0 }, 503],
      ['429 with Retry-After', { status: 429, retryAfter: 0 }, 429],
      ['500', { status: 500 }, 500],
      ['a connection reset before the body is read', { reset: 'before-body' }, undefined],
      ['a connection reset after the body is read', { reset: 'after-body' }, undefined],
      ['malformed JSON', { malformedJson: true }, 201],
      ['a slow body that outlasts the timeout', { slowBodyMs: 1500 }, undefined],
    ];
    for (const [name, fault, status] of faults) {
      it(`after ${name}`, async () => {
        sandbox.setFaults({ ...fault, match: { operationId: 'create_client' } });
        const error = await failure(
          client.send({
            operation: createClient,
            pathParams: { location_id: 720441 },
            body: { name: 'Once Only', phone: '12125550950' },
            timeoutMs: 500,
          }),
        );
        assert.strictEqual(postCount(), 1, `${name}: sent ${postCount()} times (${error.kind})`);
        if (status !== undefined && error.status !== undefined) assert.strictEqual(error.status, status);
      });
    }

    it('reports a write whose connection dropped after sending as outcome unknown', async () => {
      sandbox.setFaults({ reset: 'after-body', match: { operationId: 'create_client' } });
      const error = await failure(
        client.send({
          operation: createClient,
          pathParams: { location_id: 720441 },
          body: { name: 'Maybe', phone: '12125550951' },
        }),
      );
      assert.strictEqual(error.kind, 'outcome_unknown');
      assert.strictEqual(postCount(), 1);
    });
  });

  describe('retries a GET', () => {
    for (const [name, fault] of [
      ['after 429', { status: 429, retryAfter: 0 }],
      ['after 503', { status: 503, retryAfter: 0 }],
      ['after a connection reset', { reset: 'before-body' }],
    ] as [string, Omit<FaultRule, 'match' | 'failFirst'>][]) {
      it(name, async () => {
        sandbox.setFaults({ ...fault, failFirst: 2, match: { operationId: 'get_location' } });
        const response = await client.send({ operation: getLocation, pathParams: { location_id: 720441 } });
        assert.strictEqual(response.status, 200);
        assert.strictEqual(response.attempts, 3);
        assert.strictEqual(sandbox.stats().requests['GET /company/720441'], 3);
      });
    }

    it('but not after 500', async () => {
      sandbox.setFaults({ status: 500, failFirst: 1, match: { operationId: 'get_location' } });
      const error = await failure(client.send({ operation: getLocation, pathParams: { location_id: 720441 } }));
      assert.strictEqual(error.status, 500);
      assert.strictEqual(sandbox.stats().requests['GET /company/720441'], 1);
    });
  });
});
