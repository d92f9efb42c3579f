// The extension's HTTP client under every fault the sandbox can inject, in random plans (property): a GET is retried
// after 429, 503, dropped connections and timeouts — at most three times, waiting exactly the Retry-After it was
// given — and fails with the right kind once the faults outlast the retries; a write reaches the sandbox exactly
// once whatever happens, is never carried out twice, and fails with the kind that says what the user can know.
import * as assert from 'assert';
import fc from 'fast-check';
import { getCatalog } from '../../src/api/catalog';
import { AltegioClient } from '../../src/api/client';
import type { Clock } from '../../src/api/clock';
import { isAltegioError } from '../../src/api/errors';
import { DEFAULT_RETRY_OPTIONS } from '../../src/api/retry';
import { startSandbox, type FaultRule, type SandboxHandle } from '../../src/sandbox';
import { count, note } from './figures';
import { PROFILE } from './profile';

const catalog = getCatalog();
const getLocation = catalog.requireOperation('get_location');
const createClient = catalog.requireOperation('create_client');
const searchClients = catalog.requireOperation('get_client_list');
/** The timeout of plans whose fault is a timeout; the others get the client's default, so a busy machine cannot fail them. */
const TIMEOUT_MS = 300;
const MAX_RETRIES = DEFAULT_RETRY_OPTIONS.maxRetries;

type FaultName = '503' | '429' | '500' | 'reset-before' | 'reset-after' | 'timeout' | 'slow-body' | 'malformed';

const FAULTS: Record<FaultName, (retryAfter: number) => Omit<FaultRule, 'match' | 'failFirst'>> = {
  '503': (r) => ({ status: 503, retryAfter: r }),
  '429': (r) => ({ status: 429, retryAfter: r }),
  '500': () => ({ status: 500 }),
  'reset-before': () => ({ reset: 'before-body' }),
  'reset-after': () => ({ reset: 'after-body' }),
  timeout: () => ({ latencyMs: TIMEOUT_MS * 3 }),
  'slow-body': () => ({ slowBodyMs: TIMEOUT_MS * 3 }),
  malformed: () => ({ malformedJson: true }),
};

/** Whether the client retries a GET after this fault, and the error kind when it gives up (or does not retry). */
const GET_RULES: Record<FaultName, { retried: boolean; kind: string }> = {
  '503': { retried: true, kind: 'server' },
  '429': { retried: true, kind: 'rate_limited' },
  '500': { retried: false, kind: 'server' },
  'reset-before': { retried: true, kind: 'network' },
  'reset-after': { retried: true, kind: 'network' },
  timeout: { retried: true, kind: 'timeout' },
  'slow-body': { retried: true, kind: 'timeout' },
  malformed: { retried: false, kind: 'invalid_response' },
};

/** The kind a failed write reports: only answers that prove what happened are anything but "outcome unknown". */
const WRITE_KINDS: Record<FaultName, string> = {
  '503': 'server',
  '429': 'rate_limited',
  '500': 'server',
  'reset-before': 'outcome_unknown',
  'reset-after': 'outcome_unknown',
  timeout: 'outcome_unknown',
  'slow-body': 'outcome_unknown',
  malformed: 'invalid_response',
};

const faultArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<FaultName>('503', '429', '500', 'reset-before', 'reset-after', 'malformed') },
  { weight: 1, arbitrary: fc.constantFrom<FaultName>('timeout', 'slow-body') },
);

const planArb = fc.record({
  method: fc.constantFrom('GET', 'POST'),
  fault: faultArb,
  /** How many attempts in a row the fault hits (0: none). */
  times: fc.integer({ min: 0, max: MAX_RETRIES + 2 }),
  retryAfter: fc.integer({ min: 0, max: 3 }),
});

function letters(n: number): string {
  return n.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
}

describe('the client under every fault (property)', function () {
  this.timeout(300_000);
  let sandbox: SandboxHandle;
  const waits: number[] = [];
  /** Sleeps resolve at once; the delays asked for are recorded, so Retry-After is checked without waiting for it. */
  const clock: Clock = {
    now: () => Date.now(),
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
  let client: AltegioClient;

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false });
    client = new AltegioClient({
      baseUrl: sandbox.baseUrl,
      credentials: () => ({ partnerToken: sandbox.credentials.partnerToken, userToken: sandbox.credentials.userToken }),
      rateLimiter: null,
      clock,
      retry: { random: () => 0.5 },
    });
  });
  after(async () => {
    await sandbox?.close();
  });

  async function clientsNamed(name: string): Promise<number> {
    const res = await client.send({
      operation: searchClients,
      pathParams: { location_id: 720441 },
      body: { filters: [{ type: 'quick_search', state: { value: name } }] },
    });
    return (res.meta as { total_count: number }).total_count;
  }

  it('retries GETs as documented, never repeats a write, and names the right error kind', async () => {
    let serial = 0;
    let duplicates = 0;
    let wrongKinds = 0;
    await fc.assert(
      fc.asyncProperty(planArb, async ({ method, fault, times, retryAfter }) => {
        const operation = method === 'GET' ? getLocation : createClient;
        sandbox.setFaults(
          times ? { ...FAULTS[fault](retryAfter), failFirst: times, match: { operationId: operation.id } } : undefined,
        );
        sandbox.resetStats();
        waits.length = 0;
        // Letters only: the search also matches phone digits.
        const name = `Fault Plan ${letters(++serial)}.`;
        let outcome: { ok: true; attempts: number } | { ok: false; kind: string; attempts?: number };
        try {
          const timeoutMs = fault === 'timeout' || fault === 'slow-body' ? TIMEOUT_MS : undefined;
          const res = await client.send(
            method === 'GET'
              ? { operation, pathParams: { location_id: 720441 }, timeoutMs }
              : {
                  operation,
                  pathParams: { location_id: 720441 },
                  body: { name, phone: `1${4_000_000_000 + serial}` },
                  timeoutMs,
                },
          );
          outcome = { ok: true, attempts: res.attempts };
        } catch (e) {
          assert.ok(isAltegioError(e), String(e));
          outcome = { ok: false, kind: e.kind };
        }
        sandbox.setFaults(undefined);
        const reached = sandbox.stats().operations[operation.id] ?? 0;
        count('client: requests sent');
        count('client: attempts that reached the sandbox', reached);

        if (method === 'GET') {
          const rule = GET_RULES[fault];
          // Every failed attempt is retried while retries are left; the first success ends it.
          const expectedOk = times === 0 || (rule.retried && times <= MAX_RETRIES);
          const attempts = times === 0 ? 1 : !rule.retried ? 1 : expectedOk ? times + 1 : MAX_RETRIES + 1;
          assert.strictEqual(reached, attempts, `${fault}×${times}: attempts`);
          if (expectedOk) {
            assert.deepStrictEqual(outcome, { ok: true, attempts });
          } else {
            if (outcome.ok || outcome.kind !== rule.kind) wrongKinds++;
            assert.ok(!outcome.ok && outcome.kind === rule.kind, `${fault}×${times}: ${JSON.stringify(outcome)}`);
          }
          if ((fault === '503' || fault === '429') && times > 0 && rule.retried)
            assert.deepStrictEqual(
              waits,
              Array(Math.min(times, MAX_RETRIES)).fill(retryAfter * 1000),
              'waits exactly the Retry-After',
            );
          count('client: GET retries', Math.max(0, reached - 1));
          return;
        }
        // A write: one attempt, whatever the fault.
        assert.strictEqual(reached, 1, `${fault}×${times}: a write was sent ${reached} times`);
        assert.deepStrictEqual(waits, [], 'a write never waits to be retried');
        const created = await clientsNamed(name);
        if (created > 1) duplicates += created - 1;
        assert.ok(created <= 1, `${name} was created ${created} times`);
        if (times === 0) {
          assert.deepStrictEqual(outcome, { ok: true, attempts: 1 });
          assert.strictEqual(created, 1);
        } else {
          const expected = WRITE_KINDS[fault];
          if (outcome.ok || outcome.kind !== expected) wrongKinds++;
          assert.ok(
            !outcome.ok && outcome.kind === expected,
            `${fault}: ${JSON.stringify(outcome)}, expected ${expected}`,
          );
          // Only faults that act after the handler ran leave the write carried out.
          const carriedOut = fault === 'reset-after' || fault === 'malformed' || fault === 'slow-body';
          assert.strictEqual(created, carriedOut ? 1 : 0, `${fault}: created ${created}`);
        }
      }),
      { numRuns: PROFILE.clientFaultPlans },
    );
    count('client: duplicate writes', duplicates);
    count('client: wrong error kinds', wrongKinds);
    note('client: GET retry limit', MAX_RETRIES);
  });
});
