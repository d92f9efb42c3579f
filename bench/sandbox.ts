// Sandbox throughput on loopback: a few thousand GETs with 16 in flight, rate limit off. Reports requests per
// second and p50/p99 latency for a small answer (a location) and a large one (a page of 50 appointments), and
// the HTTP client's overhead against a bare node:http request to the same sandbox, measured in the same run.
import * as http from 'http';
import { getCatalog } from '../src/api/catalog';
import { AltegioClient } from '../src/api/client';
import { startSandbox, type SandboxHandle } from '../src/sandbox';

const REQUESTS = 3000;
const CONCURRENCY = 16;
const WARM_UP = 200;

interface RunResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

/** Runs `total` calls of `one`, `concurrency` at a time, timing each. */
async function measure(total: number, concurrency: number, one: () => Promise<void>): Promise<RunResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      next++;
      const t = performance.now();
      await one();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    requestsPerSecond: Math.round(total / (elapsed / 1000)),
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
    meanMs: round(latencies.reduce((s, x) => s + x, 0) / latencies.length),
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** A bare node:http GET with keep-alive; resolves when the whole body has arrived with a 200. */
function bareGet(sandbox: SandboxHandle, agent: http.Agent, path: string): Promise<void> {
  const { partnerToken, userToken } = sandbox.credentials;
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${sandbox.baseUrl}${path}`,
      {
        agent,
        headers: { Accept: 'application/vnd.api.v2+json', Authorization: `Bearer ${partnerToken}, User ${userToken}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

export async function benchSandbox(): Promise<Record<string, number>> {
  const sandbox = await startSandbox({ rateLimit: false });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    await measure(WARM_UP, CONCURRENCY, () => bareGet(sandbox, agent, '/company/720441'));
    const small = await measure(REQUESTS, CONCURRENCY, () => bareGet(sandbox, agent, '/company/720441'));
    await measure(WARM_UP, CONCURRENCY, () => bareGet(sandbox, agent, '/records/720441?count=50'));
    const large = await measure(REQUESTS, CONCURRENCY, () => bareGet(sandbox, agent, '/records/720441?count=50'));

    // The client against the same sandbox and the same request, sequentially: the ratio of mean latencies is the
    // client's own cost (request building, fetch, parsing), with the server's cost common to both.
    const catalog = getCatalog();
    const client = new AltegioClient({
      baseUrl: sandbox.baseUrl,
      credentials: () => ({ partnerToken: sandbox.credentials.partnerToken, userToken: sandbox.credentials.userToken }),
      rateLimiter: null,
    });
    const operation = catalog.requireOperation('get_location');
    const viaClient = () => client.send({ operation, pathParams: { location_id: 720441 } }).then(() => undefined);
    const bare = () => bareGet(sandbox, agent, '/company/720441');
    await measure(WARM_UP, 1, viaClient);
    await measure(WARM_UP, 1, bare);
    const clientRun = await measure(1000, 1, viaClient);
    const bareRun = await measure(1000, 1, bare);

    const results = {
      'sandbox.get_location.requests_per_second': small.requestsPerSecond,
      'sandbox.get_location.p50_ms': small.p50Ms,
      'sandbox.get_location.p99_ms': small.p99Ms,
      'sandbox.get_appointment_list_50.requests_per_second': large.requestsPerSecond,
      'sandbox.get_appointment_list_50.p50_ms': large.p50Ms,
      'sandbox.get_appointment_list_50.p99_ms': large.p99Ms,
      'client.mean_ms': clientRun.meanMs,
      'bare_http.mean_ms': bareRun.meanMs,
      'client.overhead_ratio': round(clientRun.meanMs / bareRun.meanMs),
    };
    console.log(`sandbox on loopback, ${REQUESTS} GETs, ${CONCURRENCY} in flight, rate limit off:`);
    console.log(
      `  GET /company/720441          ${small.requestsPerSecond} req/s, p50 ${small.p50Ms} ms, p99 ${small.p99Ms} ms`,
    );
    console.log(
      `  GET /records/720441?count=50 ${large.requestsPerSecond} req/s, p50 ${large.p50Ms} ms, p99 ${large.p99Ms} ms`,
    );
    console.log(
      `client vs bare node:http, sequential GET /company/720441: ${clientRun.meanMs} ms vs ${bareRun.meanMs} ms (ratio ${results['client.overhead_ratio']})`,
    );
    return results;
  } finally {
    agent.destroy();
    await sandbox.close();
  }
}
