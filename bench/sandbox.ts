// Sandbox throughput on loopback: a few thousand GETs with 16 in flight, rate limit off. Reports requests per
// second and p50/p99 latency for a small answer (a location) and a large one (a page of 50 appointments), and
// the HTTP client's overhead against a bare node:http request to the same sandbox, measured in the same run.
import * as http from 'http';
import fetch from 'node-fetch';
import { getCatalog } from '../src/api/catalog';
import { AltegioClient } from '../src/api/client';
import { exchange } from '../src/api/http-transport';
import { startSandbox, type SandboxHandle } from '../src/sandbox';
import { median, round, type Figure } from './report';

const REQUESTS = 3000;
const CONCURRENCY = 16;
const WARM_UP = 200;
/** Client and bare requests alternate in rounds, so both see the same machine; the ratio is the median round's. */
const ROUNDS = 7;
const PER_ROUND = 300;

interface RunResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** This process's CPU time (user + system) per call: the sandbox's share is common to both sides of a ratio. */
  cpuMs: number;
}

/** Runs `total` calls of `one`, `concurrency` at a time, timing each. */
async function measure(total: number, concurrency: number, one: () => Promise<void>): Promise<RunResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
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
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    requestsPerSecond: Math.round(total / (elapsed / 1000)),
    p50Ms: round(at(0.5), 2),
    p99Ms: round(at(0.99), 2),
    meanMs: round(latencies.reduce((s, x) => s + x, 0) / latencies.length, 4),
    cpuMs: (used.user + used.system) / 1000 / total,
  };
}

/**
 * A bare node:http GET with keep-alive; resolves when the whole body has arrived with a 200. `discard` leaves the
 * body unread, which does less than any caller must do to use the answer; `parse` reads, decodes and JSON.parses it
 * (the least the client does too), so the client's ratio against that one is the fair measure of what it adds.
 */
function bareGet(sandbox: SandboxHandle, agent: http.Agent, path: string, body: 'discard' | 'parse'): Promise<void> {
  const { partnerToken, userToken } = sandbox.credentials;
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${sandbox.baseUrl}${path}`,
      {
        agent,
        headers: { Accept: 'application/vnd.api.v2+json', Authorization: `Bearer ${partnerToken}, User ${userToken}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        if (body === 'parse') res.on('data', (chunk: Buffer) => chunks.push(chunk));
        else res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
          try {
            if (body === 'parse') JSON.parse(Buffer.concat(chunks).toString('utf8'));
            resolve();
          } catch (e) {
            reject(e);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

export async function benchSandbox(): Promise<{ figures: Figure[]; results: Record<string, number> }> {
  const sandbox = await startSandbox({ rateLimit: false });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    await measure(WARM_UP, CONCURRENCY, () => bareGet(sandbox, agent, '/company/720441', 'discard'));
    const small = await measure(REQUESTS, CONCURRENCY, () => bareGet(sandbox, agent, '/company/720441', 'discard'));
    await measure(WARM_UP, CONCURRENCY, () => bareGet(sandbox, agent, '/records/720441?count=50', 'discard'));
    const large = await measure(REQUESTS, CONCURRENCY, () =>
      bareGet(sandbox, agent, '/records/720441?count=50', 'discard'),
    );

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
    const bare = () => bareGet(sandbox, agent, '/company/720441', 'discard');
    const bareParsed = () => bareGet(sandbox, agent, '/company/720441', 'parse');
    // node-fetch alone, as the client used to call it (a timeout signal, the whole body read): why the client now
    // has a transport of its own over node:http (src/api/http-transport.ts). node-fetch is a dev dependency for this.
    const headers = {
      Accept: 'application/vnd.api.v2+json',
      Authorization: `Bearer ${sandbox.credentials.partnerToken}, User ${sandbox.credentials.userToken}`,
    };
    // The client's transport alone (src/api/http-transport.ts), without the client's own work around it.
    const viaTransport = () =>
      exchange({ url: `${sandbox.baseUrl}/company/720441`, method: 'GET', headers }, { timeoutMs: 30_000 }).then(
        () => undefined,
      );
    const viaFetch = async () => {
      const res = await fetch(`${sandbox.baseUrl}/company/720441`, { headers, signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
    };
    await measure(WARM_UP, 1, viaClient);
    await measure(WARM_UP, 1, bare);
    await measure(WARM_UP, 1, bareParsed);
    await measure(WARM_UP, 1, viaFetch);
    await measure(WARM_UP, 1, viaTransport);
    const clientMeans: number[] = [];
    const bareMeans: number[] = [];
    const bareParsedMeans: number[] = [];
    const parsedRatios: number[] = [];
    const cpuRatios: number[] = [];
    const fetchMeans: number[] = [];
    const ratios: number[] = [];
    const fetchRatios: number[] = [];
    const transportRatios: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const c = await measure(PER_ROUND, 1, viaClient);
      const b = await measure(PER_ROUND, 1, bare);
      const p = await measure(PER_ROUND, 1, bareParsed);
      const f = await measure(PER_ROUND, 1, viaFetch);
      const t = await measure(PER_ROUND, 1, viaTransport);
      transportRatios.push(t.meanMs / b.meanMs);
      clientMeans.push(c.meanMs);
      bareMeans.push(b.meanMs);
      fetchMeans.push(f.meanMs);
      ratios.push(c.meanMs / b.meanMs);
      bareParsedMeans.push(p.meanMs);
      parsedRatios.push(c.meanMs / p.meanMs);
      cpuRatios.push(c.cpuMs / p.cpuMs);
      fetchRatios.push(f.meanMs / b.meanMs);
    }

    const results = {
      'sandbox.get_location.requests_per_second': small.requestsPerSecond,
      'sandbox.get_location.p50_ms': small.p50Ms,
      'sandbox.get_location.p99_ms': small.p99Ms,
      'sandbox.get_appointment_list_50.requests_per_second': large.requestsPerSecond,
      'sandbox.get_appointment_list_50.p50_ms': large.p50Ms,
      'sandbox.get_appointment_list_50.p99_ms': large.p99Ms,
      'client.mean_ms': round(median(clientMeans), 3),
      'bare_http.mean_ms': round(median(bareMeans), 3),
      'client.overhead_ratio': round(median(ratios), 2),
      'client.overhead_ratio_min': round(Math.min(...ratios), 2),
      'client.overhead_ratio_max': round(Math.max(...ratios), 2),
      'bare_http_parsed.mean_ms': round(median(bareParsedMeans), 3),
      'client.overhead_ratio_vs_parsed': round(median(parsedRatios), 2),
      'client.overhead_ratio_vs_parsed_min': round(Math.min(...parsedRatios), 2),
      'client.overhead_ratio_vs_parsed_max': round(Math.max(...parsedRatios), 2),
      'client.cpu_ratio_vs_parsed': round(median(cpuRatios), 2),
      'node_fetch.mean_ms': round(median(fetchMeans), 3),
      'node_fetch.overhead_ratio': round(median(fetchRatios), 2),
      'transport.overhead_ratio': round(median(transportRatios), 2),
    };
    const figures: Figure[] = [
      {
        name: 'client vs bare `http.request` that reads and JSON.parses the body, sequential GET on loopback',
        value: `${results['client.overhead_ratio_vs_parsed']}× (${results['client.mean_ms']} ms vs ${results['bare_http_parsed.mean_ms']} ms)`,
        goal: '≤ 1.2×',
        met: results['client.overhead_ratio_vs_parsed'] <= 1.2,
        note: `the fair baseline: what any caller must do to use the answer; median of ${ROUNDS} alternating rounds of ${PER_ROUND} (range ${results['client.overhead_ratio_vs_parsed_min']}–${results['client.overhead_ratio_vs_parsed_max']}×); CPU per request ${results['client.cpu_ratio_vs_parsed']}×, less sensitive to a busy machine`,
      },
      {
        name: 'client vs bare `http.request` that discards the body unread (the old figure)',
        value: `${results['client.overhead_ratio']}× (${results['client.mean_ms']} ms vs ${results['bare_http.mean_ms']} ms)`,
        goal: '≤ 1.2×',
        met: results['client.overhead_ratio'] <= 1.2,
        note: `the same rounds; this baseline never reads or parses the answer (range ${results['client.overhead_ratio_min']}–${results['client.overhead_ratio_max']}×)`,
      },
      {
        name: 'node-fetch alone vs bare `http.request` (the transport before)',
        value: `${results['node_fetch.overhead_ratio']}× (${results['node_fetch.mean_ms']} ms)`,
        goal: '',
        note: 'the same rounds; fetch + arrayBuffer with a timeout signal',
      },
      {
        name: "the client's transport alone vs bare `http.request`",
        value: `${results['transport.overhead_ratio']}×`,
        goal: '',
        note: 'the same rounds; src/api/http-transport.ts without the client around it',
      },
      {
        name: 'sandbox, a page of 50 appointments',
        value: `${results['sandbox.get_appointment_list_50.requests_per_second']} req/s (one object: ${results['sandbox.get_location.requests_per_second']} req/s)`,
        goal: '≥ 2,000 req/s',
        met: results['sandbox.get_appointment_list_50.requests_per_second'] >= 2000,
        note: `${REQUESTS} GETs, ${CONCURRENCY} in flight, rate limit off`,
      },
    ];
    return { figures, results };
  } finally {
    agent.destroy();
    await sandbox.close();
  }
}
