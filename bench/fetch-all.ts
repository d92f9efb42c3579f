// "Fetch all pages" under Altegio's limit: the client with its default limiter (5/s and 200/min) reads every page of
// the appointments list from the sandbox at its default limits (the same sliding windows as Altegio), with a page size
// that makes at least PAGES pages. Reports the sustained rate against the limit that binds, and the 429s received.
import { getCatalog } from '../src/api/catalog';
import { AltegioClient } from '../src/api/client';
import type { RequestEvent } from '../src/api/http-types';
import { fetchAllPages } from '../src/api/paging';
import { RateLimiter } from '../src/api/rate-limiter';
import { startSandbox } from '../src/sandbox';
import { round, type Figure } from './report';

const PAGES = 55;
const LOCATION = 720441;
const PER_SECOND = 5;

export async function benchFetchAll(): Promise<{ figures: Figure[]; results: Record<string, number> }> {
  const sandbox = await startSandbox();
  try {
    const operation = getCatalog().requireOperation('get_appointment_list');
    const starts: number[] = [];
    let refused = 0;
    const client = new AltegioClient({
      baseUrl: sandbox.baseUrl,
      credentials: () => ({ partnerToken: sandbox.credentials.partnerToken, userToken: sandbox.credentials.userToken }),
      rateLimiter: new RateLimiter(),
      onEvent: (e: RequestEvent) => {
        if (e.phase === 'start') starts.push(performance.now());
        if ((e.phase === 'retry' || e.phase === 'end') && e.status === 429) refused++;
      },
    });
    const input = { operation, pathParams: { location_id: LOCATION } };
    // The total first, without a limiter, so that the measured run starts with empty windows.
    const probe = await new AltegioClient({ ...clientOptions(sandbox), rateLimiter: null }).send({
      ...input,
      query: { count: 1 },
    });
    const total = Number((probe.meta as { total_count?: number }).total_count);
    const pageSize = Math.max(1, Math.floor(total / PAGES));
    // The sandbox's windows must not hold the probe's request when the measured run starts.
    await new Promise((r) => setTimeout(r, 1100));
    sandbox.resetStats();
    const started = performance.now();
    const result = await fetchAllPages(client, input, { pageSize });
    const elapsedS = (performance.now() - started) / 1000;
    const stats = sandbox.stats();
    // The first PER_SECOND requests go at once (the windows start empty); after that the limit paces them. The
    // sustained rate is the requests after that first burst over the time they took.
    const n = starts.length;
    const sustained = (n - PER_SECOND) / ((starts[n - 1] - starts[PER_SECOND - 1]) / 1000);
    const results = {
      'fetchAll.pages': result.pages,
      'fetchAll.items': result.items.length,
      'fetchAll.pageSize': pageSize,
      'fetchAll.requestsPerSecond': round(result.pages / elapsedS, 2),
      'fetchAll.sustainedRequestsPerSecond': round(sustained, 2),
      'fetchAll.shareOfLimit': round(sustained / PER_SECOND, 3),
      'fetchAll.status429': Math.max(refused, stats.total - n),
    };
    const figures: Figure[] = [
      {
        name: `fetch all pages under Altegio's limit (${result.pages} pages of ${pageSize})`,
        value: `${results['fetchAll.sustainedRequestsPerSecond']} req/s = ${round(results['fetchAll.shareOfLimit'] * 100)} % of 5/s, ${results['fetchAll.status429']} × 429`,
        goal: '≥ 95 %, 0 × 429',
        met: results['fetchAll.shareOfLimit'] >= 0.95 && results['fetchAll.status429'] === 0,
        note: `sandbox at default limits; after the first burst of 5 (overall ${results['fetchAll.requestsPerSecond']} req/s)`,
      },
    ];
    return { figures, results };
  } finally {
    await sandbox.close();
  }
}

function clientOptions(sandbox: Awaited<ReturnType<typeof startSandbox>>) {
  return {
    baseUrl: sandbox.baseUrl,
    credentials: () => ({ partnerToken: sandbox.credentials.partnerToken, userToken: sandbox.credentials.userToken }),
  };
}
